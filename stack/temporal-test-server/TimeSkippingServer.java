package directiveengine;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.time.Instant;

/**
 * Temporal's Java time-skipping test server, started at a chosen virtual time.
 *
 * Usage: TimeSkippingServer PORT [--start-time=2021-12-01T01:00:00Z]: the virtual clock starts at
 * that instant (default: now; TEMPORAL_TEST_SERVER_START_TIME works too). Otherwise the same as
 * io.temporal.testserver.TestServer:
 * time skipping starts locked and the SDK unlocks it while it waits on a workflow. Starting in the
 * past lets tests and `npm run simulate` run a 2021 campaign on 2021's real calendar.
 */
public final class TimeSkippingServer {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("Usage: TimeSkippingServer PORT [--start-time=ISO-INSTANT]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    String start = System.getenv("TEMPORAL_TEST_SERVER_START_TIME");
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--start-time=")) start = args[i].substring("--start-time=".length());
    }
    long initialTimeMillis =
        start == null || start.isBlank() ? System.currentTimeMillis() : Instant.parse(start).toEpochMilli();

    TestServicesStarter services = new TestServicesStarter(true, initialTimeMillis);
    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server = builder.build().start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  services.close();
                }));
    server.awaitTermination();
  }
}
