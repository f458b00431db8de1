package com.assethatch.project.live;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code {id}} path parameter must name an existing project of the caller before the method runs: for streaming
 * responses, whose status is sent before the first item, this is the only place a 404 can come from.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ExistingProject {
}
