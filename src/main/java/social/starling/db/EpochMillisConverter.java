package social.starling.db;

import java.time.Instant;
import org.jooq.impl.AbstractConverter;

/** Every {@code *_at} column holds epoch milliseconds in both dialects; code sees an {@link Instant}. */
public final class EpochMillisConverter extends AbstractConverter<Long, Instant> {
    public EpochMillisConverter() {
        super(Long.class, Instant.class);
    }

    @Override
    public Instant from(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public Long to(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
