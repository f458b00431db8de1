package com.assethatch.export.pack;

import com.assethatch.common.error.ApiException;
import com.assethatch.common.error.ProjectNotFoundException;
import com.assethatch.common.image.ImageInfo;
import com.assethatch.common.image.ImageSniffer;
import com.assethatch.export.images.ImageSource;
import com.assethatch.export.images.ImageSourceConfig;
import com.assethatch.export.pack.ExportRows.ApprovedImage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.HashMap;
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
    private final ImageSource images;
    private final ImageSourceConfig imageConfig;
    private final ManifestBuilder manifests;
    private final ExportConfig config;
    private final ObjectWriter manifestWriter;

    public ExportService(ExportRepository repository, ImageSource images, ImageSourceConfig imageConfig,
            ManifestBuilder manifests, ExportConfig config, ObjectMapper mapper) {
        this.repository = repository;
        this.images = images;
        this.imageConfig = imageConfig;
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
     * The manifest alone (a dry run of the export), read in one snapshot. Like {@link #prepare}, it runs on the
     * calling worker thread, which also parses the plan.
     */
    public Manifest manifest(String ownerId, String projectId) throws SQLException {
        requireProjectId(projectId);
        try (Snapshot snapshot = repository.openSnapshot()) {
            return build(read(snapshot, ownerId, projectId)).manifest();
        }
    }

    /**
     * Runs every check and decides every path and the archive's layout, from one snapshot that is released before
     * this returns: the download holds no connection while it streams.
     */
    public ExportDownload prepare(String ownerId, String projectId) throws SQLException {
        requireProjectId(projectId);
        ExportRows.Read rows;
        try (Snapshot snapshot = repository.openSnapshot()) {
            rows = read(snapshot, ownerId, projectId);
        }
        PackLayout layout = build(rows);
        return new ExportDownload(layout, manifestJson(layout.manifest()), images, imageConfig.readChunkBytes(), config);
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
    ExportRows.Read read(Snapshot snapshot, String ownerId, String projectId) throws SQLException {
        ExportRows.ProjectRow project = repository.project(snapshot, ownerId, projectId).orElseThrow(ProjectNotFoundException::new);
        List<ApprovedImage> approved = repository.approvedImages(snapshot, projectId);
        if (approved.isEmpty()) {
            throw ApiException.badRequest(NO_APPROVED_ASSETS);
        }
        String markdown = repository.plan(snapshot, projectId).orElseThrow(() -> ApiException.notFound(PLAN_NOT_FOUND));
        return new ExportRows.Read(project, approved, markdown, repository.anchor(snapshot, projectId),
                sniffMissingSizes(snapshot, approved));
    }

    /** Reads the header of each image whose size columns are empty, one image at a time. */
    private Map<String, ImageInfo> sniffMissingSizes(Snapshot snapshot, List<ApprovedImage> approved)
            throws SQLException {
        Map<String, ImageInfo> sniffed = new HashMap<>();
        for (ApprovedImage image : approved) {
            if (!image.hasDimensions()) {
                Optional<ImageInfo> info = repository.imageHeader(snapshot, image.id(), config.headerSniffBytes())
                        .flatMap(ImageSniffer::sniff).filter(ImageInfo::hasDimensions);
                info.ifPresent(found -> sniffed.put(image.id(), found));
            }
        }
        return sniffed;
    }

    static void requireProjectId(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw ApiException.badRequest(PROJECT_ID_REQUIRED);
        }
    }
}
