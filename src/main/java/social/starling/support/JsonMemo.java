package social.starling.support;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Set;

/**
 * Writes a value's JSON once and reuses the text for every equal value: a Jackson module for immutable records with
 * value equality (the API entities), keyed by the value itself. A page of statuses seen by thousands of people is
 * mostly the same statuses with the same authors, so most of a timeline's JSON is copied rather than rendered. Since
 * the key is the whole value (viewer marks, counts and all), a change anywhere in it is a different key: nothing
 * is ever stale, and nothing needs to be told of writes.
 *
 * <p>Only for types whose {@code equals} covers everything they serialize (records of records, strings, numbers,
 * lists, instants); the cache is bounded by the size of the text it holds.
 */
public final class JsonMemo {
    /** Bounds the cached text per memoized type and mapper (characters, counted twice for the UTF-8 copy). */
    static final long MAX_WEIGHT = 48L * 1024 * 1024;

    private JsonMemo() {
    }

    /** A module memoizing the JSON of the given record types. */
    public static SimpleModule module(Set<Class<?>> types) {
        SimpleModule module = new SimpleModule("JsonMemo");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                                                      JsonSerializer<?> serializer) {
                Class<?> type = description.getBeanClass();
                if (!types.contains(type)) {
                    return serializer;
                }
                @SuppressWarnings("unchecked")
                JsonSerializer<Object> inner = (JsonSerializer<Object>) serializer;
                return new Memoized(inner, Caffeine.newBuilder().maximumWeight(MAX_WEIGHT)
                        .weigher((Object key, SerializedString text) -> 2 * text.getValue().length() + 256)
                        .build());
            }
        });
        return module;
    }

    /** The memoizing serializer around the bean serializer Jackson made for the type. */
    private static final class Memoized extends JsonSerializer<Object>
            implements ResolvableSerializer, ContextualSerializer {
        private final JsonSerializer<Object> inner;
        private final Cache<Object, SerializedString> cache;

        Memoized(JsonSerializer<Object> inner, Cache<Object, SerializedString> cache) {
            this.inner = inner;
            this.cache = cache;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (gen.getCodec() == null) {
                inner.serialize(value, gen, provider); // not from an ObjectMapper: no factory to render alone
                return;
            }
            SerializedString text = cache.getIfPresent(value);
            if (text == null) {
                text = render(value, gen, provider);
                cache.put(value, text);
            }
            gen.writeRawValue(text);
        }

        /** The value's JSON written alone, with the same factory, features and provider as the enclosing write. */
        private SerializedString render(Object value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            StringWriter out = new StringWriter(2048);
            try (JsonGenerator alone = gen.getCodec().getFactory().createGenerator(out)) {
                alone.setCodec(gen.getCodec());
                provider.getConfig().initialize(alone);
                inner.serialize(value, alone, provider);
            }
            return new SerializedString(out.toString());
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider provider,
                                      TypeSerializer typeSerializer) throws IOException {
            inner.serializeWithType(value, gen, provider, typeSerializer);
        }

        /** Unwrapped into an enclosing object ({@code @JsonUnwrapped}): the inner serializer's fields, no memo. */
        @Override
        public JsonSerializer<Object> unwrappingSerializer(NameTransformer unwrapper) {
            return inner.unwrappingSerializer(unwrapper);
        }

        @Override
        public boolean isUnwrappingSerializer() {
            return inner.isUnwrappingSerializer();
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Object value) {
            return inner.isEmpty(provider, value);
        }

        @Override
        public Class<Object> handledType() {
            return inner.handledType();
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (inner instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        /** A property-specific variant of the inner serializer is used as is: its output may differ, so no memo. */
        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            if (!(inner instanceof ContextualSerializer contextual)) {
                return this;
            }
            JsonSerializer<?> specific = contextual.createContextual(provider, property);
            return specific == inner ? this : specific;
        }
    }
}
