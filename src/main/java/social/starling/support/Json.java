package social.starling.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import social.starling.convert.entity.AccountEntity;
import social.starling.convert.entity.StatusEntity;

/**
 * The one JSON configuration: snake_case names as Mastodon's API, times as Mastodon writes them
 * ({@code 2016-03-16T14:34:26.392Z}), nulls kept (Mastodon sends {@code "field": null}), unknown input ignored,
 * and input bounded (nesting, string and document length) since bodies come from strangers.
 */
public final class Json {
    public static final DateTimeFormatter MASTODON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** The API's mapper: the JSON of statuses and accounts is written once per distinct value ({@link JsonMemo}). */
    public static ObjectMapper mapper() {
        return mapper(Set.of(StatusEntity.class, AccountEntity.class));
    }

    static ObjectMapper mapper(Set<Class<?>> memoized) {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule().addSerializer(Instant.class, new InstantSerializer()))
                .addModule(JsonMemo.module(memoized))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(1_000_000)
                .maxDocumentLength(2_000_000L)
                .maxNumberLength(64)
                .build());
        return mapper;
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(MASTODON_TIME.format(value));
        }
    }
}
