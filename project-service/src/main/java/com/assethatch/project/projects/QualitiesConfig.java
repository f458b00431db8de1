package com.assethatch.project.projects;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "asset-hatch.qualities")
public interface QualitiesConfig {

    /** Longest accepted quality value; they go into image prompts, so they stay short. */
    @WithDefault("200")
    int maxValueLength();
}
