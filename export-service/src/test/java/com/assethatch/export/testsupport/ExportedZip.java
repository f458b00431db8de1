package com.assethatch.export.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A downloaded asset pack, read with java.util.zip: entries in order, their bytes, and the manifest. */
public record ExportedZip(List<ZipEntry> entries, Map<String, byte[]> content) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ExportedZip read(byte[] archive) {
        List<ZipEntry> entries = new ArrayList<>();
        Map<String, byte[]> content = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.add(entry);
                content.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportedZip(List.copyOf(entries), content);
    }

    public List<String> names() {
        return entries.stream().map(ZipEntry::getName).toList();
    }

    public JsonNode manifest() {
        try {
            return JSON.readTree(content.get("manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ZipEntry entry(String name) {
        return entries.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    }
}
