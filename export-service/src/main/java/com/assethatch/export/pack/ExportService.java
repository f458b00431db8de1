package com.assethatch.export.pack;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.common.image.ImageInfo;
import com.assethatch.common.image.ImageSniffer;
import com.assethatch.export.pack.ExportRows.ApprovedImage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The export's rules and its transaction boundary. Checks come in the original app's order (project id given,
 * project exists, approved images exist, plan exists) and all happen before the first byte is sent.
 */
@ApplicationScoped
public class ExportService {

    public static final String PROJECT_ID_REQUIRED = "Project ID is required";
    public static final String NO_APPROVED_ASSETS = "No approved assets to export";
    public static final String PLAN_NOT_FOUND = "Asset plan not found";
    private static final String LINE_FEED = "\n";
    private static final String INDENT = "  ";

    private final ExportRepository repository;
    private final ManifestBuilder manifests;
    private final ExportConfig config;
    private final ObjectWriter manifestWriter;

    public ExportService(ExportRepository repository, ManifestBuilder manifests, ExportConfig config,
            ObjectMapper mapper) {
        this.repository = repository;
        this.manifests = manifests;
        this.config = config;
        // Like the original's JSON.stringify(manifest, null, 2), with "\n" whatever the platform.
        DefaultIndenter indenter = new DefaultIndenter(INDENT, LINE_FEED);
        this.manifestWriter = mapper.writer(new DefaultPrettyPrinter()
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter)
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
    }

    /**
     * Blocking: the manifest alone (a dry run of the export), read in one snapshot. Like {@link #prepare}, it
     * parses the plan on the calling worker thread, never on the event loop.
     */
    public Manifest manifest(String projectId) {
        requireProjectId(projectId);
        Snapshot snapshot = Blocking.await(repository::openSnapshot);
        ExportRows.Read rows;
        try {
            rows = Blocking.await(() -> read(snapshot, projectId));
        } finally {
            Blocking.await(snapshot::close);
        }
        return build(rows).manifest();
    }

    /**
     * Blocking: opens the snapshot, runs every check and decides every path. The returned download
     * holds the snapshot open until it has been written (or released).
     */
    public ExportDownload prepare(String projectId) {
        requireProjectId(projectId);
        Snapshot snapshot = Blocking.await(repository::openSnapshot);
        try {
            PackLayout plan = build(Blocking.await(() -> read(snapshot, projectId)));
            return new ExportDownload(snapshot, plan, manifestJson(plan.manifest()), repository, config);
        } catch (RuntimeException | Error e) {
            Blocking.await(snapshot::close);
            throw e;
        }
    }

    byte[] manifestJson(Manifest manifest) {
        try {
            return manifestWriter.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The manifest could not be written as JSON", e);
        }
    }

    private PackLayout build(ExportRows.Read rows) {
        return manifests.build(rows.project(), rows.planMarkdown(), rows.approved(), rows.anchor(), rows.sniffed());
    }

    /** Everything but the image bytes, in one snapshot; fails with the original app's errors, in its order. */
    Uni<ExportRows.Read> read(Snapshot snapshot, String projectId) {
        return repository.project(snapshot, projectId)
                .map(project -> project.orElseThrow(ProjectNotFoundException::new))
                .flatMap(project -> repository.approvedImages(snapshot, projectId)
                        .map(approved -> {
                            if (approved.isEmpty()) {
                                throw ApiException.badRequest(NO_APPROVED_ASSETS);
                            }
                            return approved;
                        })
                        .flatMap(approved -> repository.plan(snapshot, projectId)
                                .map(plan -> plan.orElseThrow(() -> ApiException.notFound(PLAN_NOT_FOUND)))
                                .flatMap(markdown -> repository.anchor(snapshot, projectId)
                                        .flatMap(anchor -> sniffMissingSizes(snapshot, approved)
                                                .map(sniffed -> new ExportRows.Read(project, approved, markdown,
                                                        anchor, sniffed))))));
    }

    /** Reads the header of each image whose size columns are empty, one image at a time. */
    private Uni<Map<String, ImageInfo>> sniffMissingSizes(Snapshot snapshot, List<ApprovedImage> approved) {
        List<ApprovedImage> unsized = approved.stream().filter(image -> !image.hasDimensions()).toList();
        if (unsized.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Multi.createFrom().iterable(unsized)
                .onItem().transformToUniAndConcatenate(image -> repository
                        .imageHeader(snapshot, image.id(), config.headerSniffBytes())
                        .map(header -> header.flatMap(ImageSniffer::sniff).filter(ImageInfo::hasDimensions)
                                .map(info -> Map.entry(image.id(), info))))
                .filter(Optional::isPresent)
                .map(Optional::get)
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    static void requireProjectId(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw ApiException.badRequest(PROJECT_ID_REQUIRED);
        }
    }
}
