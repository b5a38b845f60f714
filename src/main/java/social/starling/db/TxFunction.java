package social.starling.db;

/** Work done inside a transaction. */
@FunctionalInterface
public interface TxFunction<T> {
    T apply(Tx tx) throws Exception;
}
