package io.techo.deploy.check;

/** A file that cannot be checked at all (does not parse, names a missing file, uses an unsupported feature). */
public class DeployCheckException extends RuntimeException {

    public DeployCheckException(String message) {
        super(message);
    }

    public DeployCheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
