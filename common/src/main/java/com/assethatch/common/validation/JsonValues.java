package com.assethatch.common.validation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/** The values an enum has in JSON: what its {@code @JsonValue} method returns, else its constant names. */
public final class JsonValues {

    private JsonValues() {
    }

    public static List<String> of(Class<? extends Enum<?>> type) {
        Method jsonValue = Arrays.stream(type.getMethods())
                .filter(method -> method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0)
                .findFirst().orElse(null);
        return Arrays.stream(type.getEnumConstants()).map(constant -> valueOf(constant, jsonValue)).toList();
    }

    private static String valueOf(Enum<?> constant, Method jsonValue) {
        if (jsonValue == null) {
            return constant.name();
        }
        try {
            return String.valueOf(jsonValue.invoke(constant));
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read the JSON value of " + constant, e);
        }
    }
}
