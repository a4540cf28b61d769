/** Why a call could not be logged, edited or merged. The UI maps each code to a translated message. */
export type CallLogErrorCode =
  /** The number is not E.164 (`+4741234567`). */
  | 'invalid-number'
  /** The outcome id is not one of the campaign's outcomes. */
  | 'unknown-outcome'
  /** An amount was given for an outcome whose kind is not 'sale'. */
  | 'amount-not-allowed'
  /** The amount is not an integer number of øre in [0, 10^11). */
  | 'invalid-amount'
  /** The note is longer than MAX_NOTE_LENGTH characters after trimming. */
  | 'note-too-long'
  /** No agent name. */
  | 'agent-required'
  /** No call log with that id. */
  | 'not-found'
  /** The log's campaign no longer exists (editing the outcome needs it). */
  | 'campaign-not-found'
  /** Only the agent who logged a call may edit it. */
  | 'not-your-call'
  /** The edit window (EDIT_WINDOW_MS after logging) has passed. */
  | 'edit-window-closed'
  /** The log was anonymised: it can never be edited again. */
  | 'anonymised'
  /** A record handed to mergeLogs is not a valid call log. */
  | 'invalid-record';

export class CallLogError extends Error {
  constructor(
    readonly code: CallLogErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'CallLogError';
  }
}
