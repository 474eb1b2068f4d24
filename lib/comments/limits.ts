// How long a comment and a suggestion may be: the schema refuses more, and the comment fields count toward it.
export const COMMENT_MAX_CHARS = 10_000;
export const SUGGESTION_MAX_CHARS = 5000;
