package com.assethatch.project.cache;

import java.lang.reflect.Proxy;
import java.time.Duration;

/** A {@link CacheConfig} that only answers {@link CacheConfig#breaker()}: enough to build a private RedisBreaker. */
final class BreakerSettings {

    private BreakerSettings() {
    }

    static CacheConfig of(int requestVolume, double failureRatio, Duration delay) {
        CacheConfig.Breaker breaker = new CacheConfig.Breaker() {
            @Override
            public int requestVolume() {
                return requestVolume;
            }

            @Override
            public double failureRatio() {
                return failureRatio;
            }

            @Override
            public Duration delay() {
                return delay;
            }
        };
        return (CacheConfig) Proxy.newProxyInstance(CacheConfig.class.getClassLoader(), new Class<?>[] {CacheConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("breaker")) {
                        return breaker;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
