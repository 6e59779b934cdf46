/// The inner kernel of matrix multiplication, for each scalar type with its SIMD vector.
///
/// C (m×n, row-major) = A·B, where A's element (i, p) is at i·rowStride + p·depthStride (so a
/// transposed A costs nothing) and B (k×n) is row-major. Each 8×(2 vectors) block of C stays in
/// registers while p runs over k; narrow columns use 4×(1 narrow vector) blocks, and edges fall
/// back to scalar loops. Products are accumulated in
/// the same order as the scalar edge, p = 0, 1, …, so every entry is the plain sum Σₚ aᵢₚ·bₚⱼ.
protocol MatrixKernel: SIMDScalar & BinaryFloatingPoint & Codable {
    /// The vector of the main 8×2-vector blocks.
    associatedtype Vector: SIMD where Vector.Scalar == Self
    /// Half as wide, for layers too narrow for `Vector` (the Playground's 8 units).
    associatedtype NarrowVector: SIMD where NarrowVector.Scalar == Self
}

// The widths are internal, so the build's CPU choice (`FUSED_MULTIPLY_ADD`, set with
// `ACTIVATIONLAB_TARGET_CPU`) changes no public type.
#if FUSED_MULTIPLY_ADD
    // Built for the CPU (AVX-512 here: 32 registers of 16 floats; on AVX2 these split in two).
    extension Float: MatrixKernel {
        typealias Vector = SIMD16<Float>
        typealias NarrowVector = SIMD8<Float>
    }
    extension Double: MatrixKernel {
        typealias Vector = SIMD8<Double>
        typealias NarrowVector = SIMD4<Double>
    }
#else
    // Portable x86-64 (SSE2): 16 registers of 4 floats.
    extension Float: MatrixKernel {
        typealias Vector = SIMD8<Float>
        typealias NarrowVector = SIMD4<Float>
    }
    extension Double: MatrixKernel {
        typealias Vector = SIMD4<Double>
        typealias NarrowVector = SIMD2<Double>
    }
#endif

/// One product's pointers and shape.
struct Operands<T: MatrixKernel> {
    let a: UnsafePointer<T>, b: UnsafePointer<T>, c: UnsafeMutablePointer<T>
    let m: Int, n: Int, k: Int, rowStride: Int, depthStride: Int

    static var width: Int { T.Vector.scalarCount }
    static var narrowWidth: Int { T.NarrowVector.scalarCount }

    /// The wide columns in blocks of 8 rows × 2 vectors, column panel by column panel (so a panel
    /// of B is reused from cache by every row block); then narrow vectors 4 rows at a time; then the
    /// last columns (fewer than a narrow vector) entry by entry.
    func run() {
        guard m > 0, n > 0 else { return }
        guard k > 0 else { return c.update(repeating: 0, count: m * n) }
        let w = Self.width
        let half = Self.narrowWidth
        let wide = n - n % (2 * w)
        for j in stride(from: 0, to: wide, by: 2 * w) {
            for i in stride(from: 0, to: m, by: Self.blockRows) { block8(i, j) }
        }
        let narrow = wide + (n - wide) / half * half
        for j in stride(from: wide, to: narrow, by: half) {
            for i in stride(from: 0, to: m, by: 4) { column4(i, j) }
        }
        for row in 0..<m { scalar(row, narrow..<n) }
    }

    /// The start of A's row i + r, where a block reaching past the last row repeats that row (its
    /// sums are computed and dropped), so every row of C gets the same vector kernel.
    @inline(__always)
    func rowStart(_ i: Int, _ r: Int) -> UnsafePointer<T> { a + min(i + r, m - 1) * rowStride }

    /// C[i..<i+4, j..<j+w/2]: one narrow vector of columns (for narrow layers such as the Playground's 8 units).
    @inline(__always)
    func column4(_ i: Int, _ j: Int) {
        typealias V = T.NarrowVector
        let (a0, a1, a2, a3) = (rowStart(i, 0), rowStart(i, 1), rowStart(i, 2), rowStart(i, 3))
        var (c0, c1, c2, c3) = (V(), V(), V(), V())
        var bRow = b + j
        var offset = 0
        for _ in 0..<k {
            let b0 = UnsafeRawPointer(bRow).loadUnaligned(as: V.self)
            accumulate(&c0, V(repeating: a0[offset]), b0)
            accumulate(&c1, V(repeating: a1[offset]), b0)
            accumulate(&c2, V(repeating: a2[offset]), b0)
            accumulate(&c3, V(repeating: a3[offset]), b0)
            bRow += n
            offset += depthStride
        }
        let store = { (r: Int, value: V) in
            if i + r < self.m {
                UnsafeMutableRawPointer(self.c + (i + r) * self.n + j).storeBytes(of: value, as: V.self)
            }
        }
        store(0, c0); store(1, c1); store(2, c2); store(3, c3)
    }

    /// c += a·b: fused (one rounding) where the build targets the CPU (`FUSED_MULTIPLY_ADD`), else a
    /// multiply and an add. The scalar edge does the same, so every entry of C is computed alike.
    @inline(__always)
    func accumulate<V: SIMD>(_ c: inout V, _ a: V, _ b: V) where V.Scalar: FloatingPoint {
        #if FUSED_MULTIPLY_ADD
            c = c.addingProduct(a, b)
        #else
            c += a * b
        #endif
    }

    @inline(__always)
    func load(_ p: UnsafePointer<T>) -> T.Vector { UnsafeRawPointer(p).loadUnaligned(as: T.Vector.self) }

    /// Rows per wide block: 8 rows × 2 vectors are 16 accumulators, enough independent fused
    /// multiply-adds to hide their latency (2 per cycle, 4 cycles each) and within AVX-512's 32
    /// registers. (With 4-row blocks the 128×784×256 product ran at 78–105 GFLOP/s here, with 8 at
    /// 140–175. On a CPU with 16 vector registers each 16-lane vector takes two, and the block spills;
    /// not measured.)
    static var blockRows: Int { 8 }

    /// C[i..<i+8, j..<j+2w] = Σₚ A[i.., p]·B[p, j..].
    @inline(__always)
    func block8(_ i: Int, _ j: Int) {
        typealias V = T.Vector
        let w = Self.width
        let (a0, a1, a2, a3) = (rowStart(i, 0), rowStart(i, 1), rowStart(i, 2), rowStart(i, 3))
        let (a4, a5, a6, a7) = (rowStart(i, 4), rowStart(i, 5), rowStart(i, 6), rowStart(i, 7))
        var (c00, c01, c10, c11, c20, c21, c30, c31) = (V(), V(), V(), V(), V(), V(), V(), V())
        var (c40, c41, c50, c51, c60, c61, c70, c71) = (V(), V(), V(), V(), V(), V(), V(), V())
        var bRow = b + j
        var offset = 0
        for _ in 0..<k {
            let (b0, b1) = (load(bRow), load(bRow + w))
            accumulate(&c00, &c01, a0[offset], b0, b1)
            accumulate(&c10, &c11, a1[offset], b0, b1)
            accumulate(&c20, &c21, a2[offset], b0, b1)
            accumulate(&c30, &c31, a3[offset], b0, b1)
            accumulate(&c40, &c41, a4[offset], b0, b1)
            accumulate(&c50, &c51, a5[offset], b0, b1)
            accumulate(&c60, &c61, a6[offset], b0, b1)
            accumulate(&c70, &c71, a7[offset], b0, b1)
            bRow += n
            offset += depthStride
        }
        let store = { (r: Int, left: V, right: V) in if i + r < m { self.store(left, right, row: i + r, column: j) } }
        store(0, c00, c01); store(1, c10, c11); store(2, c20, c21); store(3, c30, c31)
        store(4, c40, c41); store(5, c50, c51); store(6, c60, c61); store(7, c70, c71)
    }

    /// One row of a block: (left, right) += a·(b0, b1).
    @inline(__always)
    func accumulate(_ left: inout T.Vector, _ right: inout T.Vector, _ a: T, _ b0: T.Vector, _ b1: T.Vector) {
        let broadcast = T.Vector(repeating: a)
        accumulate(&left, broadcast, b0)
        accumulate(&right, broadcast, b1)
    }

    @inline(__always)
    func store(_ left: T.Vector, _ right: T.Vector, row: Int, column: Int) {
        let cRow = UnsafeMutableRawPointer(c + row * n + column)
        cRow.storeBytes(of: left, as: T.Vector.self)
        (cRow + Self.width * MemoryLayout<T>.stride).storeBytes(of: right, as: T.Vector.self)
    }

    /// C[i, columns] one entry at a time, each sum in a register while p runs 0, 1, … (the order of
    /// the vector blocks, so every entry is computed alike).
    func scalar(_ i: Int, _ columns: Range<Int>) {
        let aRow = a + i * rowStride
        for j in columns {
            var sum: T = 0
            var (bEntry, offset) = (b + j, 0)
            for _ in 0..<k {
                #if FUSED_MULTIPLY_ADD
                    sum = sum.addingProduct(aRow[offset], bEntry.pointee)
                #else
                    sum += aRow[offset] * bEntry.pointee
                #endif
                bEntry += n
                offset += depthStride
            }
            c[i * n + j] = sum
        }
    }
}
