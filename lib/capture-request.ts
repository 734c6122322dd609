/**
 * Global of the extension's isolated world through which the worker passes the capture script
 * what to read. Pages cannot see or set globals of that world. It is in a module of its own so
 * the capture script does not bundle the code that injects it.
 */
export const CAPTURE_REQUEST_GLOBAL = '__sendToThalamusCaptureRequest';
