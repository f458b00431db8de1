package com.assethatch.project.events;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The Vert.x event-bus metrics tag each meter with its address, and every project has a wake address of its own
 * ({@link ChangeListener}): without this filter each project ever changed would add meters to /q/metrics for the life
 * of the process (an unbounded set, grown by a map resize and tag checks on a hot path). The project wake addresses
 * are counted together under one address instead.
 */
@Singleton
public class WakeAddressMetrics {

    @Produces
    @Singleton
    MeterFilter oneAddressForProjectWakeUps() {
        return MeterFilter.replaceTagValues("address",
                address -> ChangeListener.isProjectWakeAddress(address) ? ChangeListener.PROJECT_WAKE_ADDRESSES : address);
    }
}
