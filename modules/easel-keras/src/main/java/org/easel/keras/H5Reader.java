package org.easel.keras;

import static org.bytedeco.hdf5.global.hdf5.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.hdf5.H5G_info_t;
import org.bytedeco.hdf5.H5O_info2_t;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small read-only view of an HDF5 file through the HDF5 C API (JavaCPP bindings), for what DL4J's
 * {@link Hdf5Archive} cannot do: string-array attributes ({@code layer_names}, {@code weight_names}),
 * variable-length strings (Keras 3), dataset shapes without reading the data, and size limits.
 *
 * <p>Every native call runs under DL4J's {@link Hdf5Archive#LOCK_OBJECT}: the HDF5 library is not
 * thread-safe and DL4J uses the same lock. Every failure becomes an {@link EaselException} naming the
 * file and the object. Call {@link Hdf5Precheck#check} first; the constructor does.
 */
public final class H5Reader implements AutoCloseable {
    /** Arrays above this many elements are refused: a corrupt header must not make us allocate gigabytes. */
    static final long MAX_ELEMENTS = 1L << 28;
    /** Strings (model_config JSON) above this size are refused. */
    static final long MAX_STRING_BYTES = 64L << 20;

    private static volatile boolean initialised;

    private final Path file;
    private final long fileSize;
    private long fid = -1;

    public H5Reader(Path file) {
        Hdf5Precheck.check(file);
        this.file = file;
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            init();
            try {
                this.fileSize = Files.size(file);
            } catch (java.io.IOException e) {
                throw new EaselException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            fid = H5Fopen(file.toString(), H5F_ACC_RDONLY, H5P_DEFAULT);
            if (fid < 0) {
                throw new EaselException("The HDF5 library cannot open " + file
                        + " although its superblock looks valid: the file is corrupt. Save or download it again.");
            }
        }
    }

    static void init() {
        if (!initialised) {
            synchronized (Hdf5Archive.LOCK_OBJECT) {
                if (!initialised) {
                    H5open();
                    // The library's default error handler prints native stacks to stderr; we report ourselves.
                    H5Eset_auto2(H5E_DEFAULT, null, null);
                    initialised = true;
                }
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Names of the direct children of a group ("/" for the root), in name order. */
    public List<String> children(String group) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            long gid = H5Gopen2(fid, group, H5P_DEFAULT);
            if (gid < 0) {
                throw new EaselException(file + ": cannot open group '" + group + "' (missing or corrupt).");
            }
            try {
                H5G_info_t info = new H5G_info_t();
                if (H5Gget_info(gid, info) < 0) {
                    throw new EaselException(file + ": cannot list group '" + group + "' (corrupt).");
                }
                long n = info.nlinks();
                if (n < 0 || n > 1_000_000) {
                    throw new EaselException(file + ": group '" + group + "' declares " + n + " members (corrupt).");
                }
                List<String> names = new ArrayList<>();
                for (long i = 0; i < n; i++) {
                    long len = H5Lget_name_by_idx(gid, ".", H5_INDEX_NAME, H5_ITER_INC, i, (BytePointer) null, 0, H5P_DEFAULT);
                    if (len < 0 || len > 65536) {
                        throw new EaselException(file + ": cannot read member " + i + " of group '" + group + "' (corrupt).");
                    }
                    try (BytePointer buf = new BytePointer(len + 1)) {
                        H5Lget_name_by_idx(gid, ".", H5_INDEX_NAME, H5_ITER_INC, i, buf, len + 1, H5P_DEFAULT);
                        names.add(cString(buf, len));
                    }
                }
                return names;
            } finally {
                H5Gclose(gid);
            }
        }
    }

    public boolean exists(String path) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            // H5Lexists needs every intermediate group to exist, so walk the path.
            String[] parts = path.replaceAll("^/+", "").split("/");
            StringBuilder p = new StringBuilder();
            for (String part : parts) {
                p.append('/').append(part);
                if (H5Lexists(fid, p.toString(), H5P_DEFAULT) <= 0) {
                    return false;
                }
            }
            return true;
        }
    }

    public boolean isGroup(String path) {
        return objectType(path) == H5O_TYPE_GROUP;
    }

    public boolean isDataset(String path) {
        return objectType(path) == H5O_TYPE_DATASET;
    }

    private int objectType(String path) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            H5O_info2_t info = new H5O_info2_t();
            try {
                if (H5Oget_info_by_name3(fid, path, info, H5O_INFO_BASIC, H5P_DEFAULT) < 0) {
                    throw new EaselException(file + ": cannot read object '" + path + "' (missing or corrupt).");
                }
                return info.type();
            } finally {
                info.close();
            }
        }
    }

    public boolean hasAttribute(String objectPath, String name) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            return H5Aexists_by_name(fid, objectPath, name, H5P_DEFAULT) > 0;
        }
    }

    /** A string attribute (scalar or array, fixed or variable length) as a list; empty if absent. */
    public List<String> stringsAttribute(String objectPath, String name) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            if (H5Aexists_by_name(fid, objectPath, name, H5P_DEFAULT) <= 0) {
                return List.of();
            }
            String where = "attribute '" + name + "' of '" + objectPath + "'";
            long aid = H5Aopen_by_name(fid, objectPath, name, H5P_DEFAULT, H5P_DEFAULT);
            if (aid < 0) {
                throw new EaselException(file + ": cannot open " + where + " (corrupt).");
            }
            long type = -1;
            long space = -1;
            long mem = -1;
            try {
                type = H5Aget_type(aid);
                space = H5Aget_space(aid);
                if (type < 0 || space < 0) {
                    throw new EaselException(file + ": cannot read the type of " + where + " (corrupt).");
                }
                long count = H5Sget_simple_extent_npoints(space);
                if (count == 0) {
                    return List.of(); // h5py stores an empty list as an empty float array
                }
                if (H5Tget_class(type) != H5T_STRING) {
                    throw new EaselException(file + ": " + where + " should be a string but has HDF5 type class " + H5Tget_class(type) + ".");
                }
                long n = H5Sget_simple_extent_npoints(space);
                if (n < 0 || n > 1_000_000) {
                    throw new EaselException(file + ": " + where + " declares " + n + " strings (corrupt).");
                }
                mem = H5Tcopy(type);
                List<String> out = new ArrayList<>();
                if (H5Tis_variable_str(type) > 0) {
                    try (PointerPointer<BytePointer> ptrs = new PointerPointer<>(n)) {
                        if (H5Aread(aid, mem, ptrs) < 0) {
                            throw new EaselException(file + ": cannot read " + where + " (corrupt).");
                        }
                        for (int i = 0; i < n; i++) {
                            BytePointer s = ptrs.get(BytePointer.class, i);
                            out.add(s == null ? "" : cString(s, MAX_STRING_BYTES));
                        }
                        long[] dims = {n};
                        long vspace = H5Screate_simple(1, dims, null);
                        H5Treclaim(mem, vspace, H5P_DEFAULT, ptrs);
                        H5Sclose(vspace);
                    }
                } else {
                    long size = H5Tget_size(type);
                    // The value lives inside the file, so it cannot be larger than the file: a corrupt
                    // type size would otherwise make the library copy past its buffer (a native crash).
                    if (size > 0 && size * n > fileSize) {
                        throw new EaselException(file + ": " + where + " declares " + n + " strings of " + size
                                + " bytes, more than the whole file (" + fileSize + " bytes): the file is corrupt.");
                    }
                    long stored = H5Aget_storage_size(aid);
                    if (stored < size * n) {
                        throw new EaselException(file + ": " + where + " declares " + (size * n) + " bytes but stores "
                                + stored + ": the file is corrupt.");
                    }
                    if (size <= 0 || size * n > MAX_STRING_BYTES) {
                        throw new EaselException(file + ": " + where + " declares " + n + " strings of " + size
                                + " bytes, more than the " + (MAX_STRING_BYTES >> 20) + " MiB limit (corrupt or not a Keras file).");
                    }
                    try (BytePointer buf = new BytePointer(size * n)) {
                        if (H5Aread(aid, mem, buf) < 0) {
                            throw new EaselException(file + ": cannot read " + where + " (corrupt).");
                        }
                        byte[] all = new byte[(int) (size * n)];
                        buf.get(all);
                        for (int i = 0; i < n; i++) {
                            int start = (int) (i * size);
                            int end = start;
                            while (end < start + size && all[end] != 0) {
                                end++;
                            }
                            out.add(new String(all, start, end - start, StandardCharsets.UTF_8));
                        }
                    }
                }
                return out;
            } finally {
                if (mem >= 0) {
                    H5Tclose(mem);
                }
                if (type >= 0) {
                    H5Tclose(type);
                }
                if (space >= 0) {
                    H5Sclose(space);
                }
                H5Aclose(aid);
            }
        }
    }

    /** A scalar string attribute, or null if absent. */
    public String stringAttribute(String objectPath, String name) {
        List<String> v = stringsAttribute(objectPath, name);
        return v.isEmpty() ? null : v.get(0);
    }

    /** The shape of a dataset without reading it. */
    public long[] shape(String path) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            long did = H5Dopen2(fid, path, H5P_DEFAULT);
            if (did < 0) {
                throw new EaselException(file + ": cannot open dataset '" + path + "' (missing or corrupt).");
            }
            try {
                return shapeOf(did, path);
            } finally {
                H5Dclose(did);
            }
        }
    }

    private long[] shapeOf(long did, String path) {
        long space = H5Dget_space(did);
        if (space < 0) {
            throw new EaselException(file + ": cannot read the shape of dataset '" + path + "' (corrupt).");
        }
        try {
            int rank = H5Sget_simple_extent_ndims(space);
            if (rank < 0 || rank > 32) {
                throw new EaselException(file + ": dataset '" + path + "' declares rank " + rank + " (corrupt).");
            }
            long[] dims = new long[rank];
            if (rank > 0) {
                H5Sget_simple_extent_dims(space, dims, null);
            }
            return dims;
        } finally {
            H5Sclose(space);
        }
    }

    /** Reads a numeric dataset as a float array in C order (as Keras/NumPy wrote it). */
    public INDArray readFloats(String path) {
        return read(path, Mode.FLOATS);
    }

    /** As {@link #readFloats}, as float64 (HDF5 converts; exact for float32 and float64 datasets). */
    public INDArray readDoubles(String path) {
        return read(path, Mode.DOUBLES);
    }

    /**
     * The same checks and native reads as {@link #readFloats}, without keeping the values: for the isolated
     * reader ({@link IsolatedProbe}), which then needs no ND4J (whose start-up costs seconds per child JVM).
     */
    void probe(String path) {
        read(path, Mode.PROBE);
    }

    private enum Mode { FLOATS, DOUBLES, PROBE }

    private INDArray read(String path, Mode mode) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            long did = H5Dopen2(fid, path, H5P_DEFAULT);
            if (did < 0) {
                throw new EaselException(file + ": cannot open dataset '" + path + "' (missing or corrupt).");
            }
            long type = -1;
            try {
                long[] dims = shapeOf(did, path);
                long n = checkedCount(path, dims);
                type = H5Dget_type(did);
                int cls = H5Tget_class(type);
                if (cls != H5T_FLOAT && cls != H5T_INTEGER) {
                    throw new EaselException(file + ": dataset '" + path + "' is not numeric (HDF5 type class " + cls + ").");
                }
                // Uncompressed data cannot be larger than the file; Keras never compresses weights.
                long declared = n * H5Tget_size(type);
                long stored = H5Dget_storage_size(did);
                if (stored < declared && declared > fileSize) {
                    throw new EaselException(file + ": dataset '" + path + "' declares shape " + Arrays.toString(dims)
                            + " (" + declared + " bytes) but the file has only " + fileSize + " bytes (corrupt).");
                }
                if (mode == Mode.PROBE) {
                    if (n > 0) {
                        try (FloatPointer buf = new FloatPointer(n)) {
                            readInto(did, H5T_NATIVE_FLOAT_g(), buf, path);
                        }
                    }
                    return null;
                }
                if (mode == Mode.DOUBLES) {
                    double[] data = new double[(int) n];
                    if (n > 0) {
                        try (DoublePointer buf = new DoublePointer(n)) {
                            readInto(did, H5T_NATIVE_DOUBLE_g(), buf, path);
                            buf.get(data);
                        }
                    }
                    return dims.length == 0 ? Nd4j.scalar(data[0]) : Nd4j.create(data, dims, 'c');
                }
                float[] data = new float[(int) n];
                if (n > 0) {
                    try (FloatPointer buf = new FloatPointer(n)) {
                        readInto(did, H5T_NATIVE_FLOAT_g(), buf, path);
                        buf.get(data);
                    }
                }
                return dims.length == 0 ? Nd4j.scalar(data[0]) : Nd4j.create(data, dims, 'c');
            } finally {
                if (type >= 0) {
                    H5Tclose(type);
                }
                H5Dclose(did);
            }
        }
    }

    private void readInto(long did, long memType, Pointer buf, String path) {
        if (H5Dread(did, memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf) < 0) {
            throw new EaselException(file + ": cannot read dataset '" + path + "' (corrupt or truncated data).");
        }
    }

    private long checkedCount(String path, long[] dims) {
        long n = 1;
        for (long d : dims) {
            if (d < 0 || (d > 0 && n > MAX_ELEMENTS / d)) {
                throw new EaselException(file + ": dataset '" + path + "' declares shape " + Arrays.toString(dims)
                        + ", more than " + MAX_ELEMENTS + " elements (corrupt, or too large to import).");
            }
            n *= d;
        }
        if (n * 4 > Math.max(fileSize, 1) * 16) {
            throw new EaselException(file + ": dataset '" + path + "' declares shape " + Arrays.toString(dims)
                    + " (" + n + " values) but the file has only " + fileSize + " bytes (corrupt).");
        }
        return n;
    }

    private static String cString(BytePointer p, long max) {
        long n = 0;
        while (n < max && p.get(n) != 0) {
            n++;
        }
        byte[] b = new byte[(int) n];
        p.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            if (fid >= 0) {
                H5Fclose(fid);
                fid = -1;
            }
        }
    }
}
