package dev.homeostat.ml.nab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads NAB's {@code profiles.json} into {@link CostProfile}s, in file order. */
public final class CostProfiles {

    private CostProfiles() {
    }

    /** The three profiles NAB defines, for when no file is given. */
    public static List<CostProfile> defaults() {
        return List.of(CostProfile.STANDARD, CostProfile.REWARD_LOW_FP, CostProfile.REWARD_LOW_FN);
    }

    /** Reads a profiles file; every profile needs a {@code CostMatrix} with tp, fp and fn weights. */
    public static List<CostProfile> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NabInputException("cannot read profiles file " + file + ": " + e, e);
        }
        if (!(NabJson.parse(text, file.toString()) instanceof Map<?, ?> root) || root.isEmpty()) {
            throw new NabInputException(file + ": expected a non-empty JSON object of profiles");
        }
        List<CostProfile> profiles = new ArrayList<>();
        for (Map.Entry<?, ?> entry : root.entrySet()) {
            String name = (String) entry.getKey();
            if (!(entry.getValue() instanceof Map<?, ?> profile) || !(profile.get("CostMatrix") instanceof Map<?, ?> matrix)) {
                throw new NabInputException(file + ": profile '" + name + "' has no CostMatrix object");
            }
            try {
                profiles.add(new CostProfile(name, weight(matrix, "tpWeight", file, name),
                        weight(matrix, "fpWeight", file, name), weight(matrix, "fnWeight", file, name)));
            } catch (NabInputException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new NabInputException(file + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(profiles);
    }

    private static double weight(Map<?, ?> matrix, String name, Path file, String profile) {
        if (!(matrix.get(name) instanceof Number number)) {
            throw new NabInputException(file + ": profile '" + profile + "' needs a numeric " + name);
        }
        return number.doubleValue();
    }
}
