package org.karaul.processor.learn;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multi-label logistic regression over the {@link Features} of an item: per category a bias and a
 * weight per word form, the probability being the logistic function of the bias plus the weights of
 * the forms present. Trained outside the running system (with Tribuo, on the corpus's tuning fold;
 * see {@code CategoryModelTraining} in the tests) and shipped as a small gzipped table
 * ({@code /model/categories.tsv.gz}: a header of category ids, a {@code BIAS} row, then one row per
 * word form). Immutable and thread-safe.
 */
public final class CategoryModel {
    /** Where the bundled model lives on the classpath. */
    public static final String RESOURCE = "/model/categories.tsv.gz";
    private static final String BIAS = "BIAS";
    private final List<String> categories;
    private final double[] bias;
    private final Map<String, float[]> weights;

    public CategoryModel(List<String> categories, double[] bias, Map<String, float[]> weights) {
        this.categories = List.copyOf(categories);
        this.bias = bias.clone();
        this.weights = Map.copyOf(weights);
    }

    /** The bundled model, or null when the jar holds none. */
    public static CategoryModel bundled() {
        InputStream in = CategoryModel.class.getResourceAsStream(RESOURCE);
        return in == null ? null : read(in);
    }

    /** Reads the table written by {@link #write}. */
    public static CategoryModel read(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().split("\t");
            List<String> cats = List.of(header).subList(1, header.length);
            double[] b = new double[cats.size()];
            Map<String, float[]> w = new HashMap<>();
            int line = 1;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                String[] cells = s.split("\t");
                if (cells.length != header.length) {
                    throw new IllegalStateException("category model line " + line + ": " + cells.length + " cells, expected " + header.length);
                }
                if (cells[0].equals(BIAS)) {
                    for (int i = 0; i < b.length; i++) {
                        b[i] = Double.parseDouble(cells[i + 1]);
                    }
                } else {
                    float[] v = new float[cats.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Float.parseFloat(cells[i + 1]);
                    }
                    w.put(cells[0], v);
                }
            }
            return new CategoryModel(cats, b, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the category model", e);
        }
    }

    /** Writes the table, leaving out word forms whose weights are all below {@code minWeight} in size. */
    public void write(Path file, double minWeight) {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            w.write("feature\t" + String.join("\t", categories) + "\n");
            w.write(BIAS);
            for (double b : bias) {
                w.write(String.format(Locale.ROOT, "\t%.4f", b));
            }
            w.write("\n");
            List<String> names = new ArrayList<>(weights.keySet());
            names.sort(Comparator.naturalOrder());
            for (String f : names) {
                float[] v = weights.get(f);
                boolean keep = false;
                for (float x : v) {
                    keep |= Math.abs(x) >= minWeight;
                }
                if (keep) {
                    w.write(f);
                    for (float x : v) {
                        w.write(String.format(Locale.ROOT, "\t%.4f", x));
                    }
                    w.write("\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Whether the model was trained with word pairs ({@link Features#PAIR}) and so wants them. */
    public boolean usesPairs() {
        return weights.keySet().stream().anyMatch(f -> f.contains(Features.PAIR));
    }

    /** Per category, the probability of the item carrying it. */
    public Map<String, Double> probabilities(Collection<String> features) {
        double[] z = bias.clone();
        for (String f : features) {
            float[] v = weights.get(f);
            if (v != null) {
                for (int i = 0; i < z.length; i++) {
                    z[i] += v[i];
                }
            }
        }
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < z.length; i++) {
            out.put(categories.get(i), 1 / (1 + Math.exp(-z[i])));
        }
        return out;
    }

    /** The {@code n} present word forms that raise {@code category} most, strongest first. */
    public List<String> contributors(String category, Collection<String> features, int n) {
        int i = categories.indexOf(category);
        if (i < 0) {
            return List.of();
        }
        return features.stream().filter(f -> weights.containsKey(f) && weights.get(f)[i] > 0)
                .sorted(Comparator.comparingDouble((String f) -> weights.get(f)[i]).reversed()).limit(n).toList();
    }
}
