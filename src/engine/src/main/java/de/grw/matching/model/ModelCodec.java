package de.grw.matching.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * The estimated model as bytes, for keeping it in the workspace exactly as estimated (doubles bit for bit). Java
 * serialisation, because the model's classes are already {@link java.io.Serializable} for the Spark job; reading is
 * restricted by an {@link ObjectInputFilter} to the model's own classes, {@code java.lang}/{@code java.util} values
 * and primitive arrays, with limits on depth and size, so stored bytes cannot instantiate anything else.
 */
public final class ModelCodec {
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=100000;maxbytes=67108864;maxarray=10000000;"
                    + "de.grw.matching.model.*;java.lang.*;java.util.*;!*");

    private ModelCodec() {
    }

    public static byte[] write(ModelParameters model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a stored model; refuses bytes that are not one. */
    public static ModelParameters read(byte[] stored) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(FILTER);
            Object o = in.readObject();
            if (!(o instanceof ModelParameters m)) {
                throw new IOException("the stored model is not a model but " + (o == null ? "null" : o.getClass()));
            }
            return m;
        } catch (ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
            throw new IOException("the stored model cannot be read: " + e.getMessage(), e);
        }
    }
}
