export const EXIT_OK = 0;
/** The author's input has problems; diagnostics say which. */
export const EXIT_USER_ERROR = 1;
/** noros itself failed. */
export const EXIT_INTERNAL_ERROR = 2;
