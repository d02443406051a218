/**
 * Starts a child workflow that outlives its parent (ParentClosePolicy ABANDON: sections and
 * assignments live on across continue-as-new), never twice: its id is its identity, and an id
 * already started by an earlier attempt counts as started.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild, WorkflowIdReusePolicy, type Workflow } from '@temporalio/workflow';

export async function startChildOnce<T extends Workflow>(workflow: T, options: { workflowId: string; args: Parameters<T> }): Promise<void> {
  try {
    // By type name, as startChild(workflowFunc) itself does.
    await startChild<T>(workflow.name, {
      workflowId: options.workflowId,
      args: options.args,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    } as never);
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
