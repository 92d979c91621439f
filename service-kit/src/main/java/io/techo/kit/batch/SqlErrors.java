package io.techo.kit.batch;

import io.vertx.mysqlclient.MySQLException;

/** What a failure from the reactive MySQL/MariaDB client means. */
public final class SqlErrors {

    /** ER_DUP_ENTRY: the same MySQL and MariaDB error number for a unique or primary key already taken. */
    private static final int DUPLICATE_ENTRY = 1062;
    /** ER_LOCK_DEADLOCK: InnoDB rolled the transaction back to break a deadlock. */
    private static final int DEADLOCK = 1213;
    /** ER_LOCK_WAIT_TIMEOUT: a row lock was not granted in time (the statement, or with it the transaction, failed). */
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private SqlErrors() {
    }

    /** Whether the statement failed because a row with the same unique key exists. */
    public static boolean isDuplicateKey(Throwable failure) {
        return hasErrorCode(failure, DUPLICATE_ENTRY);
    }

    /**
     * Whether the transaction lost a lock conflict (deadlock victim, lock wait timeout): nothing is wrong with its
     * statements, and running the whole transaction again is the prescribed remedy.
     */
    public static boolean isTransient(Throwable failure) {
        return hasErrorCode(failure, DEADLOCK) || hasErrorCode(failure, LOCK_WAIT_TIMEOUT);
    }

    private static boolean hasErrorCode(Throwable failure, int errorCode) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MySQLException mysql && mysql.getErrorCode() == errorCode) {
                return true;
            }
        }
        return false;
    }
}
