package dev.paperbot.core.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * A point in an embedding model's meaning space: an immutable vector of floats. Texts whose embeddings have a high
 * dot product mean similar things. {@link Embedder}s return unit-length vectors, so the dot product is the cosine.
 */
public final class Embedding {

    private final float[] values;

    private Embedding(float[] values) {
        this.values = values;
    }

    /** An embedding with a copy of {@code values}; every value must be finite. */
    public static Embedding of(float[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("an embedding needs at least one dimension");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("an embedding must not contain " + v);
            }
        }
        return new Embedding(values.clone());
    }

    public int dimension() {
        return values.length;
    }

    /** A copy of the values. */
    public float[] toArray() {
        return values.clone();
    }

    public float get(int i) {
        return values[i];
    }

    public double dot(Embedding other) {
        requireSameDimension(other);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += (double) values[i] * other.values[i];
        }
        return sum;
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    /** This vector scaled to length 1; the zero vector stays as it is (it points nowhere). */
    public Embedding normalized() {
        double norm = norm();
        if (norm == 0 || Math.abs(norm - 1) < 1e-6) {
            return this;
        }
        float[] unit = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            unit[i] = (float) (values[i] / norm);
        }
        return new Embedding(unit);
    }

    /** {@code this + weight * other}. */
    public Embedding plus(Embedding other, double weight) {
        requireSameDimension(other);
        float[] sum = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            sum[i] = (float) (values[i] + weight * other.values[i]);
        }
        return new Embedding(sum);
    }

    /** The mean of several embeddings of one dimension (their centroid). */
    public static Embedding mean(Collection<Embedding> embeddings) {
        if (embeddings.isEmpty()) {
            throw new IllegalArgumentException("the mean of no embeddings is undefined");
        }
        int dimension = embeddings.iterator().next().dimension();
        double[] sum = new double[dimension];
        for (Embedding e : embeddings) {
            if (e.dimension() != dimension) {
                throw new IllegalArgumentException("embeddings of dimensions " + dimension + " and " + e.dimension());
            }
            for (int i = 0; i < dimension; i++) {
                sum[i] += e.values[i];
            }
        }
        float[] mean = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            mean[i] = (float) (sum[i] / embeddings.size());
        }
        return new Embedding(mean);
    }

    private void requireSameDimension(Embedding other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException(
                    "embeddings of dimensions " + values.length + " and " + other.values.length + " do not mix");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Embedding[" + values.length + " dims: " + values[0] + ", " + (values.length > 1 ? values[1] + ", ..." : "")
                + "]";
    }
}
