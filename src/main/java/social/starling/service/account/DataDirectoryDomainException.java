package social.starling.service.account;

/** The database was made for another domain than the one configured: the server cannot start on it. */
public final class DataDirectoryDomainException extends IllegalStateException {
    public DataDirectoryDomainException(String message) {
        super(message);
    }
}
