package org.karaul.processor.classify;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karaul.processor.learn.CategoryModel;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Trains a {@link CategoryModel} with Tribuo's linear SGD (binary cross-entropy, AdaGrad), fixed seed. */
final class TribuoTrainer {
    private static final MultiLabelFactory LABELS = new MultiLabelFactory();

    /** One training item: its feature names and its gold categories (empty for a negative). */
    record Item(Collection<String> features, Collection<String> categories) {
    }

    private TribuoTrainer() {
    }

    static CategoryModel train(List<Item> items, int epochs, long seed) {
        MutableDataset<MultiLabel> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("karaul corpus, tuning fold", LABELS), LABELS);
        for (Item item : items) {
            if (item.features().isEmpty()) {
                continue;
            }
            Set<Label> labels = new HashSet<>();
            item.categories().forEach(c -> labels.add(new Label(c)));
            String[] names = item.features().toArray(new String[0]);
            double[] ones = new double[names.length];
            java.util.Arrays.fill(ones, 1.0);
            data.add(new ArrayExample<>(new MultiLabel(labels), names, ones));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new BinaryCrossEntropy(), new AdaGrad(0.1, 0.1), epochs, 1000, seed);
        LinearSGDModel model = (LinearSGDModel) trainer.train(data);
        DenseMatrix w = model.getWeightsCopy();
        ImmutableFeatureMap ids = model.getFeatureIDMap();
        List<String> cats = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (Pair<Integer, MultiLabel> p : model.getOutputIDInfo()) {
            cats.add(p.getB().getLabelString());
            rows.add(p.getA());
        }
        int biasCol = w.getDimension2Size() - 1;
        double[] bias = new double[cats.size()];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = w.get(rows.get(i), biasCol);
        }
        Map<String, float[]> weights = new HashMap<>();
        for (VariableInfo info : ids) {
            int id = ids.getID(info.getName());
            float[] v = new float[cats.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) w.get(rows.get(i), id);
            }
            weights.put(info.getName(), v);
        }
        return new CategoryModel(cats, bias, weights);
    }
}
