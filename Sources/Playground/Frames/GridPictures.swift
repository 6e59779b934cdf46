import Foundation
import NeuralNet

/// The pictures of a layer's units, all units at once, straight from the grid pass's `Float` matrix
/// (one row per grid point, one column per unit): no column is copied out, and a thumbnail is summed
/// in one sweep over the layer's rows. (Copying each unit's 10 000 values out and averaging them one
/// unit at a time took a few per cent of a frame; the output head, below, took more than half.)
enum GridPictures {
    /// Each unit's `size`² grid averaged in `factor`² blocks, row by row; `focus` (a unit) at full size.
    /// The sums run in `Double` in the same order as `EncodedGrid.shrunk`, so the bytes are the same.
    static func layer(_ m: Matrix<Float>, size: Int, factor: Int, focus: Int?) -> [EncodedGrid] {
        let (units, small) = (m.columns, size / factor)
        // Cell-major: a cell's units side by side, as a grid point's are in `m`, so each point's row is
        // added into one contiguous run (unit-major, the sums of one point were 16 cache lines apart:
        // `perf` put this loop at a tenth of a frame). Each sum still adds the same values in the same order.
        var sums = [Double](repeating: 0, count: small * small * units)
        m.storage.withUnsafeBufferPointer { values in
            sums.withUnsafeMutableBufferPointer { out in
                for row in 0..<size {
                    let blockRow = (row / factor) * small
                    for column in 0..<size {
                        let point = (row * size + column) * units
                        let cell = (blockRow + column / factor) * units
                        for unit in 0..<units { out[cell + unit] += Double(values[point + unit]) }
                    }
                }
            }
        }
        let cells = Double(factor * factor)
        let area = small * small
        return (0..<units).map { unit in
            if unit == focus { return EncodedGrid(column(m, unit), size: size) }
            return EncodedGrid((0..<area).map { sums[$0 * units + unit] / cells }, size: small)
        }
    }

    /// Column `j` of `m` in `Double`.
    static func column(_ m: Matrix<Float>, _ j: Int) -> [Double] {
        m.storage.withUnsafeBufferPointer { values in
            (0..<m.rows).map { Double(values[$0 * m.columns + j]) }
        }
    }

    /// Softmax of each row of `logits` (p = e^(z − max z) / Σ e^(z − max z)), row by row in scalar
    /// `Float`. Why not the catalog's `Softmax` row kernel: it runs 16 lanes per row, built for wide
    /// rows, and on the grid's 10 000 rows of 2–10 logits it took a third of a frame's time (`perf`);
    /// this loop takes a fraction of a millisecond. `GridPicturesTests` checks it against the catalog's
    /// `Softmax.forwardRow`.
    static func softmaxRows(_ logits: Matrix<Float>) -> Matrix<Float> {
        let (rows, k) = (logits.rows, logits.columns)
        var result = [Float](repeating: 0, count: rows * k)
        logits.storage.withUnsafeBufferPointer { z in
            result.withUnsafeMutableBufferPointer { p in
                for row in 0..<rows {
                    let base = row * k
                    var largest = -Float.infinity
                    for j in 0..<k { largest = max(largest, z[base + j]) }
                    var sum: Float = 0
                    for j in 0..<k {
                        p[base + j] = exp(z[base + j] - largest)
                        sum += p[base + j]
                    }
                    for j in 0..<k { p[base + j] /= sum }
                }
            }
        }
        return Matrix(rows: rows, columns: k, storage: result)
    }
}
