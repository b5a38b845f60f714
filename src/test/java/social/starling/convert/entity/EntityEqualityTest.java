package social.starling.convert.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Entities whose {@code equals} is written by hand (the JSON memo compares every entity it looks up): two values
 * that differ in any one field must not be equal, or the memo would answer one with the other's JSON.
 */
class EntityEqualityTest {
    @Test
    void aStatusDiffersFromOneThatDiffersInAnyField() throws Exception {
        everyFieldCounts(StatusEntity.class);
    }

    private static <T extends Record> void everyFieldCounts(Class<T> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Constructor<T> constructor = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        Object[] base = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            base[i] = plain(components[i].getType());
        }
        T reference = constructor.newInstance(base);
        assertThat(constructor.newInstance(base.clone())).isEqualTo(reference);
        for (int i = 0; i < components.length; i++) {
            Object[] changed = base.clone();
            changed[i] = other(components[i].getType());
            T variant = constructor.newInstance(changed);
            assertThat(variant).as("%s differing only in %s", type.getSimpleName(), components[i].getName())
                    .isNotEqualTo(reference);
            assertThat(reference).as("%s differing only in %s", type.getSimpleName(), components[i].getName())
                    .isNotEqualTo(variant);
        }
    }

    /** The value every field starts with: zero, false, or null. */
    private static Object plain(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    /** Another value of the type, unequal to {@link #plain}. */
    private static Object other(Class<?> type) throws Exception {
        if (type == int.class) {
            return 1;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == String.class) {
            return "x";
        }
        if (type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type.isSealed()) {
            return other(type.getPermittedSubclasses()[0]);
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = plain(components[i].getType());
            }
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
        }
        throw new IllegalArgumentException("no other value for " + type);
    }
}
