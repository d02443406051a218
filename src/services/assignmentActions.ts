/**
 * An action on an assignment, sent to its workflow as an update. A refusal comes back with the
 * workflow's reason and a code the API turns into 403, 409 or 422.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '../domain/assignment/actor';
import { describeStatus, type AssignmentCommand, type RefusalCode } from '../domain/assignment/assignmentCommands';
import type { AssignmentStatus } from '../domain/assignment/assignmentState';
import { applyCommandUpdate, COMMAND_REFUSED, type AssignmentView } from '../../workflows/assignment/assignmentMessages';

export class ActionRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export async function applyAssignmentAction(
  client: Client,
  assignment: { id: string; status: AssignmentStatus },
  command: AssignmentCommand,
  actor: Actor,
): Promise<AssignmentView> {
  try {
    return await client.workflow.getHandle(assignment.id).executeUpdate(applyCommandUpdate, { args: [command, actor] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === COMMAND_REFUSED) {
      const code = (error.cause.details?.[0] as RefusalCode | undefined) ?? 'invalidState';
      throw new ActionRefused(code, error.cause.message);
    }
    if (error instanceof WorkflowNotFoundError) {
      // Its workflow has ended (accepted or cancelled): nothing can change it any more.
      throw new ActionRefused('invalidState', `Không thể thực hiện: nhiệm vụ ${describeStatus(assignment.status)}.`);
    }
    throw error;
  }
}
