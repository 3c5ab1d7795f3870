/** What an access decision needs besides the stream: the regency the stream belongs to. */
export interface AccessContext {
  regencyCode: string;
}
