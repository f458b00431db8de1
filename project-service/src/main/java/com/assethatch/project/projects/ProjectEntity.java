package com.assethatch.project.projects;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The project table, mapped with Hibernate Reactive Panache; version and updated_at come from the schema's triggers
 * (read back by a refresh: Hibernate Reactive 2.x cannot read trigger-generated values from UPDATE ... RETURNING). */
@Entity
@Table(name = "project")
public class ProjectEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    public String phase;
    @Column(name = "owner_id")
    public String ownerId;
    @Column(name = "art_style")
    public String artStyle;
    @Column(name = "base_resolution")
    public String baseResolution;
    public String perspective;
    @Column(name = "game_genre")
    public String gameGenre;
    public String theme;
    public String mood;
    @Column(name = "color_palette")
    public String colorPalette;
    @Column(insertable = false, updatable = false)
    public long version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", insertable = false, updatable = false)
    public OffsetDateTime updatedAt;

    Project toProject() {
        return new Project(id, name, Phase.of(phase), ownerId,
                new Qualities(artStyle, baseResolution, perspective, gameGenre, theme, mood, colorPalette), version,
                createdAt, updatedAt);
    }

    void set(QualityKey key, String value) {
        switch (key) {
            case ART_STYLE -> artStyle = value;
            case BASE_RESOLUTION -> baseResolution = value;
            case PERSPECTIVE -> perspective = value;
            case GAME_GENRE -> gameGenre = value;
            case THEME -> theme = value;
            case MOOD -> mood = value;
            case COLOR_PALETTE -> colorPalette = value;
        }
    }
}
