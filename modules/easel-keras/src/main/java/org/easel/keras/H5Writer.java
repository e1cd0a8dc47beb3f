package org.easel.keras;

import static org.bytedeco.hdf5.global.hdf5.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes the small subset of HDF5 a Keras 2 model file needs, the way h5py writes it: groups,
 * fixed-length null-padded string attributes (scalars and arrays) and float32 datasets in C order.
 * Uses the HDF5 C API through JavaCPP under DL4J's HDF5 lock (the library is not thread-safe).
 */
final class H5Writer implements AutoCloseable {
    private final Path file;
    private long fid;

    H5Writer(Path file) {
        this.file = file;
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            H5Reader.init();
            fid = H5Fcreate(file.toString(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
            if (fid < 0) {
                throw new EaselException("Cannot create HDF5 file " + file + ". Check that the folder is writable.");
            }
        }
    }

    /** Creates a group (and any missing parents); returns nothing, objects are addressed by path. */
    void group(String path) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            StringBuilder p = new StringBuilder();
            for (String part : path.replaceAll("^/+", "").split("/")) {
                p.append('/').append(part);
                if (H5Lexists(fid, p.toString(), H5P_DEFAULT) > 0) {
                    continue;
                }
                long g = H5Gcreate2(fid, p.toString(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
                if (g < 0) {
                    throw new EaselException("Cannot create group " + p + " in " + file + ".");
                }
                H5Gclose(g);
            }
        }
    }

    void stringAttribute(String objectPath, String name, String value) {
        write(objectPath, name, List.of(value), true);
    }

    void stringsAttribute(String objectPath, String name, List<String> values) {
        write(objectPath, name, values, false);
    }

    private void write(String objectPath, String name, List<String> values, boolean scalar) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            int width = 1;
            for (String v : values) {
                width = Math.max(width, v.getBytes(StandardCharsets.UTF_8).length);
            }
            byte[] buf = new byte[Math.max(1, width * values.size())];
            for (int i = 0; i < values.size(); i++) {
                byte[] b = values.get(i).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(b, 0, buf, i * width, b.length);
            }
            long type = H5Tcopy(H5T_C_S1_g());
            H5Tset_size(type, width);
            H5Tset_strpad(type, H5T_STR_NULLPAD);
            long space = scalar ? H5Screate(H5S_SCALAR) : H5Screate_simple(1, new long[] {values.size()}, null);
            long obj = H5Oopen(fid, objectPath, H5P_DEFAULT);
            long attr = H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
            try (BytePointer p = new BytePointer(buf)) {
                if (obj < 0 || attr < 0 || H5Awrite(attr, type, p) < 0) {
                    throw new EaselException("Cannot write attribute '" + name + "' of " + objectPath + " in " + file + ".");
                }
            } finally {
                if (attr >= 0) {
                    H5Aclose(attr);
                }
                if (obj >= 0) {
                    H5Oclose(obj);
                }
                H5Sclose(space);
                H5Tclose(type);
            }
        }
    }

    /** Writes a float32 dataset with the array's shape, values in C order. */
    void dataset(String path, INDArray array) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            float[] data = array.castTo(DataType.FLOAT).dup('c').data().asFloat();
            long space = H5Screate_simple(array.rank(), array.shape(), null);
            long ds = H5Dcreate2(fid, path, H5T_IEEE_F32LE_g(), space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
            try (FloatPointer p = new FloatPointer(data)) {
                if (ds < 0 || H5Dwrite(ds, H5T_NATIVE_FLOAT_g(), H5S_ALL, H5S_ALL, H5P_DEFAULT, p) < 0) {
                    throw new EaselException("Cannot write dataset " + path + " in " + file + ".");
                }
            } finally {
                if (ds >= 0) {
                    H5Dclose(ds);
                }
                H5Sclose(space);
            }
        }
    }

    @Override
    public void close() {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            if (fid >= 0) {
                int rc = H5Fclose(fid);
                fid = -1;
                if (rc < 0) {
                    throw new EaselException("Cannot finish writing " + file + " (HDF5 close failed; disk full?).");
                }
            }
        }
    }
}
