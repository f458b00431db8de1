package com.assethatch.export.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns plan items into assets and numbers them: {@code <projectId>-asset-<n>}, n counting every item without
 * variants and every variant, in plan order, exactly as the original app did so stored asset ids keep matching.
 * A multi-direction variant has one number and two forms: one composite sprite sheet with the number's id, or one
 * asset per direction whose ids add {@code -<direction>}. Each variant gives an {@link ExportOrder.Entry} with both
 * forms; {@link #assetsOf(PlanItem, ParseMode)} picks the form of the parse mode.
 */
final class AssetFactory {

    static final String ARRANGEMENT = "horizontally in a single row";

    private final String projectId;
    private final Warnings warnings;
    /** Where warnings about the per-direction form go: the parse's own list, or none when that form is not wanted. */
    private final Warnings directionWarnings;
    private int nextNumber;

    /**
     * @param directionWarnings receives the warnings that only the per-direction form gives
     */
    AssetFactory(String projectId, Warnings warnings, Warnings directionWarnings) {
        this.projectId = projectId;
        this.warnings = warnings;
        this.directionWarnings = directionWarnings;
    }

    /** The assets of one item in the given mode, in plan order. */
    List<PlannedAsset> assetsOf(PlanItem item, ParseMode mode) {
        List<PlannedAsset> assets = new ArrayList<>();
        for (ExportOrder.Entry entry : entriesOf(item)) {
            if (mode == ParseMode.GRANULAR && entry.multiDirection()) {
                assets.addAll(entry.directions());
            } else {
                assets.add(entry.asset());
            }
        }
        return assets;
    }

    /** One entry per variant (or one for an item without variants), each with both of its forms. */
    List<ExportOrder.Entry> entriesOf(PlanItem item) {
        Parent parent = parentOf(item);
        if (item.variants().isEmpty()) {
            return List.of(new ExportOrder.Entry(withoutVariant(parent, nextId()), List.of()));
        }
        List<ExportOrder.Entry> entries = new ArrayList<>();
        for (PlanItem.Line variant : item.variants()) {
            Animation animation = Animation.of(variant.text(), variant.line(), warnings);
            entries.add(entryOfVariant(parent, animation, variant.line()));
        }
        return entries;
    }

    private Parent parentOf(PlanItem item) {
        NameTags.TaggedName tagged = NameTags.read(item.text(), item.line(), warnings);
        String name = tagged.name();
        if (name.isEmpty()) {
            warnings.atLine(item.line(), "a list item has no name, so its asset has an empty name");
        }
        Mobility mobility = tagged.mobility() != null ? tagged.mobility() : AssetRules.mobilityOf(item.category(), name);
        return new Parent(item.category(), name, AssetRules.typeOf(item.category(), name), AssetRules.lower(name),
                mobility, item.notes());
    }

    /**
     * What every asset made from one plan item shares.
     *
     * @param type      the keyword type, used unless the variant makes a sprite sheet or a direction view
     * @param lowerName the start of every description
     */
    private record Parent(String category, String name, AssetType type, String lowerName, Mobility mobility,
            Map<String, String> notes) {

        PlannedAsset asset(String id, AssetType type, String description, Variant variant) {
            return new PlannedAsset(id, category, name, type, description, mobility, notes, variant);
        }
    }

    private String nextId() {
        return projectId + "-asset-" + nextNumber++;
    }

    private PlannedAsset withoutVariant(Parent parent, String id) {
        return parent.asset(id, parent.type(), description(parent, ""), Variant.defaultFor(id));
    }

    private ExportOrder.Entry entryOfVariant(Parent parent, Animation animation, int line) {
        String id = nextId();
        if (!animation.multiDirection()) {
            return new ExportOrder.Entry(singleDirection(parent, animation, id), List.of());
        }
        return new ExportOrder.Entry(composite(parent, animation, id), perDirection(parent, animation, id, line));
    }

    private PlannedAsset singleDirection(Parent parent, Animation animation, String id) {
        Variant variant = new Variant(id + "-variant", animation.text(), AssetRules.poseOf(animation.name()),
                AssetRules.animationTypeOf(animation.name()), animation.frames(), null, null);
        return parent.asset(id, parent.type(), description(parent, animation.text()), variant);
    }

    private PlannedAsset composite(Parent parent, Animation animation, String id) {
        int frames = animation.frames() != null ? animation.frames() : animation.directions();
        Variant variant = new Variant(id + "-composite", animation.name(), AssetRules.poseOf(animation.name()),
                AssetRules.animationTypeOf(animation.name()), frames, ARRANGEMENT, null);
        return parent.asset(id, AssetType.SPRITE_SHEET, description(parent, animation.text()), variant);
    }

    private List<PlannedAsset> perDirection(Parent parent, Animation animation, String baseId, int line) {
        if (animation.directions() > Direction.max()) {
            directionWarnings.atLine(line, "'" + animation.text() + "' asks for " + animation.directions()
                    + " directions; only " + Direction.max() + " have names, so granular mode makes "
                    + Direction.max() + " assets");
        }
        String pose = AssetRules.poseOf(animation.name());
        String description = description(parent, animation.text());
        List<PlannedAsset> assets = new ArrayList<>();
        for (Direction direction : Direction.first(animation.directions())) {
            String id = baseId + "-" + direction.value();
            String view = " " + direction.words() + " view";
            Variant variant = new Variant(id, animation.name() + " - " + direction.title(), pose + view,
                    AssetRules.animationTypeOf(animation.name()), null, null, direction);
            assets.add(parent.asset(id, AssetType.CHARACTER_SPRITE, description + view, variant));
        }
        return assets;
    }

    private static String description(Parent parent, String variantText) {
        return variantText.isEmpty() ? parent.lowerName() : parent.lowerName() + " " + AssetRules.lower(variantText);
    }
}
