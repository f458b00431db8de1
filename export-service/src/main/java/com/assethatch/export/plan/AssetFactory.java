package com.assethatch.export.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns plan items into assets and numbers them: {@code <projectId>-asset-<n>}, n counting every item without
 * variants and every variant, in plan order, exactly as the original app did so stored asset ids keep matching.
 */
final class AssetFactory {

    static final String ARRANGEMENT = "horizontally in a single row";
    private static final List<String> FOUR_DIRECTIONS = List.of("front", "left", "right", "back");
    private static final List<String> EIGHT_DIRECTIONS =
            List.of("front", "back", "left", "right", "front_left", "front_right", "back_left", "back_right");

    private final ParseMode mode;
    private final String projectId;
    private final Warnings warnings;
    private int nextNumber;

    AssetFactory(ParseMode mode, String projectId, Warnings warnings) {
        this.mode = mode;
        this.projectId = projectId;
        this.warnings = warnings;
    }

    List<PlannedAsset> assetsOf(PlanItem item) {
        Parent parent = parentOf(item);
        if (item.variants().isEmpty()) {
            return List.of(withoutVariant(parent, nextId()));
        }
        List<PlannedAsset> assets = new ArrayList<>();
        for (PlanItem.Line variant : item.variants()) {
            Animation animation = Animation.of(variant.text(), variant.line(), warnings);
            assets.addAll(assetsOfVariant(parent, animation, variant.line()));
        }
        return assets;
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
    private record Parent(String category, String name, String type, String lowerName, Mobility mobility,
            Map<String, String> notes) {

        PlannedAsset asset(String id, String type, String description, Variant variant) {
            return new PlannedAsset(id, category, name, type, description, mobility, notes, variant);
        }
    }

    private String nextId() {
        return projectId + "-asset-" + nextNumber++;
    }

    private PlannedAsset withoutVariant(Parent parent, String id) {
        return parent.asset(id, parent.type(), description(parent, ""), Variant.defaultFor(id));
    }

    private List<PlannedAsset> assetsOfVariant(Parent parent, Animation animation, int line) {
        String id = nextId();
        if (!animation.multiDirection()) {
            return List.of(singleDirection(parent, animation, id));
        }
        return mode == ParseMode.GRANULAR
                ? perDirection(parent, animation, id, line)
                : List.of(composite(parent, animation, id));
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
        return parent.asset(id, AssetRules.SPRITE_SHEET, description(parent, animation.text()), variant);
    }

    private List<PlannedAsset> perDirection(Parent parent, Animation animation, String baseId, int line) {
        if (animation.directions() > EIGHT_DIRECTIONS.size()) {
            warnings.atLine(line, "'" + animation.text() + "' asks for " + animation.directions()
                    + " directions; only 8 have names, so granular mode makes 8 assets");
        }
        String pose = AssetRules.poseOf(animation.name());
        String description = description(parent, animation.text());
        List<PlannedAsset> assets = new ArrayList<>();
        for (String direction : directions(animation.directions())) {
            String id = baseId + "-" + direction;
            String view = " " + direction.replace('_', ' ') + " view";
            Variant variant = new Variant(id, animation.name() + " - " + title(direction), pose + view,
                    AssetRules.animationTypeOf(animation.name()), null, null, direction);
            assets.add(parent.asset(id, AssetRules.CHARACTER_SPRITE, description + view, variant));
        }
        return assets;
    }

    /** 2 to 4 directions turn a sprite around (front, left, right, back); more add the back and the diagonals. */
    static List<String> directions(int count) {
        List<String> order = count <= FOUR_DIRECTIONS.size() ? FOUR_DIRECTIONS : EIGHT_DIRECTIONS;
        return order.subList(0, Math.min(count, order.size()));
    }

    private static String description(Parent parent, String variantText) {
        return variantText.isEmpty() ? parent.lowerName() : parent.lowerName() + " " + AssetRules.lower(variantText);
    }

    /** front_left → Front Left. */
    private static String title(String direction) {
        StringBuilder title = new StringBuilder();
        for (String word : direction.split("_")) {
            if (!title.isEmpty()) {
                title.append(' ');
            }
            title.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return title.toString();
    }
}
