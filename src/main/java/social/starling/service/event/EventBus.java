package social.starling.service.event;

/** An {@link Events} implementation with a life cycle: {@code App} starts it with the server and closes it last. */
public interface EventBus extends Events, AutoCloseable {
    /** Connects to other nodes, if there are any to connect to. */
    default void start() {
    }

    @Override
    default void close() {
    }
}
