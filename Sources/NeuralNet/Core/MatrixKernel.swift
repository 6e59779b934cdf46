/// The inner kernel of matrix multiplication, for each scalar type with its SIMD vector.
///
/// C (m×n, row-major) = A·B, where A's element (i, p) is at i·rowStride + p·depthStride (so a
/// transposed A costs nothing) and B (k×n) is row-major. Each 4×(2 vectors) block of C stays in
/// registers while p runs over k; edges fall back to scalar loops. Products are accumulated in
/// the same order as the scalar edge, p = 0, 1, …, so every entry is the plain sum Σₚ aᵢₚ·bₚⱼ.
public protocol MatrixKernel: SIMDScalar & BinaryFloatingPoint {
    /// The vector of the main 4×2-vector blocks.
    associatedtype Vector: SIMD where Vector.Scalar == Self
    /// Half as wide, for layers too narrow for `Vector` (the Playground's 8 units).
    associatedtype NarrowVector: SIMD where NarrowVector.Scalar == Self
}

#if FUSED_MULTIPLY_ADD
    // Built for the CPU (AVX-512 here: 32 registers of 16 floats; on AVX2 these split in two).
    extension Float: MatrixKernel {
        public typealias Vector = SIMD16<Float>
        public typealias NarrowVector = SIMD8<Float>
    }
    extension Double: MatrixKernel {
        public typealias Vector = SIMD8<Double>
        public typealias NarrowVector = SIMD4<Double>
    }
#else
    // Portable x86-64 (SSE2): 16 registers of 4 floats.
    extension Float: MatrixKernel {
        public typealias Vector = SIMD8<Float>
        public typealias NarrowVector = SIMD4<Float>
    }
    extension Double: MatrixKernel {
        public typealias Vector = SIMD4<Double>
        public typealias NarrowVector = SIMD2<Double>
    }
#endif

extension MatrixKernel {
    static func multiply(m: Int, n: Int, k: Int, a: [Self], rowStride: Int, depthStride: Int, b: [Self], into c: inout [Self]) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    Operands(a: a.baseAddress!, b: b.baseAddress!, c: c.baseAddress!,
                             m: m, n: n, k: k, rowStride: rowStride, depthStride: depthStride).run()
                }
            }
        }
    }
}

/// One product's pointers and shape.
struct Operands<T: MatrixKernel> {
    let a: UnsafePointer<T>, b: UnsafePointer<T>, c: UnsafeMutablePointer<T>
    let m: Int, n: Int, k: Int, rowStride: Int, depthStride: Int

    static var width: Int { T.Vector.scalarCount }
    static var narrowWidth: Int { T.NarrowVector.scalarCount }

    func run() {
        guard m > 0, n > 0, k > 0 else { return }
        let w = Self.width, half = Self.narrowWidth
        let wide = n - n % (2 * w)
        var i = 0
        while i + 4 <= m {
            var j = 0
            while j < wide {
                block4(i, j)
                j += 2 * w
            }
            while j + half <= n {
                column4(i, j)
                j += half
            }
            for row in i..<(i + 4) { scalar(row, j..<n) }
            i += 4
        }
        for row in i..<m { scalar(row, 0..<n) }
    }

    /// C[i..<i+4, j..<j+w/2]: one narrow vector of columns (for narrow layers such as the Playground's 8 units).
    @inline(__always)
    func column4(_ i: Int, _ j: Int) {
        typealias V = T.NarrowVector
        var (c0, c1, c2, c3) = (V(), V(), V(), V())
        for p in 0..<k {
            let b0 = UnsafeRawPointer(b + p * n + j).loadUnaligned(as: V.self)
            let aColumn = a + i * rowStride + p * depthStride
            accumulate(&c0, V(repeating: aColumn[0]), b0)
            accumulate(&c1, V(repeating: aColumn[rowStride]), b0)
            accumulate(&c2, V(repeating: aColumn[2 * rowStride]), b0)
            accumulate(&c3, V(repeating: aColumn[3 * rowStride]), b0)
        }
        UnsafeMutableRawPointer(c + i * n + j).storeBytes(of: c0, as: V.self)
        UnsafeMutableRawPointer(c + (i + 1) * n + j).storeBytes(of: c1, as: V.self)
        UnsafeMutableRawPointer(c + (i + 2) * n + j).storeBytes(of: c2, as: V.self)
        UnsafeMutableRawPointer(c + (i + 3) * n + j).storeBytes(of: c3, as: V.self)
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

    /// C[i..<i+4, j..<j+2w] = Σₚ A[i.., p]·B[p, j..].
    @inline(__always)
    func block4(_ i: Int, _ j: Int) {
        var (c00, c01, c10, c11) = (T.Vector(), T.Vector(), T.Vector(), T.Vector())
        var (c20, c21, c30, c31) = (T.Vector(), T.Vector(), T.Vector(), T.Vector())
        let w = Self.width
        for p in 0..<k {
            let bRow = b + p * n + j
            let (b0, b1) = (load(bRow), load(bRow + w))
            let aColumn = a + i * rowStride + p * depthStride
            let a0 = T.Vector(repeating: aColumn[0]), a1 = T.Vector(repeating: aColumn[rowStride])
            let a2 = T.Vector(repeating: aColumn[2 * rowStride]), a3 = T.Vector(repeating: aColumn[3 * rowStride])
            accumulate(&c00, a0, b0); accumulate(&c01, a0, b1)
            accumulate(&c10, a1, b0); accumulate(&c11, a1, b1)
            accumulate(&c20, a2, b0); accumulate(&c21, a2, b1)
            accumulate(&c30, a3, b0); accumulate(&c31, a3, b1)
        }
        store(c00, c01, row: i, column: j)
        store(c10, c11, row: i + 1, column: j)
        store(c20, c21, row: i + 2, column: j)
        store(c30, c31, row: i + 3, column: j)
    }

    @inline(__always)
    func store(_ left: T.Vector, _ right: T.Vector, row: Int, column: Int) {
        let cRow = UnsafeMutableRawPointer(c + row * n + column)
        cRow.storeBytes(of: left, as: T.Vector.self)
        (cRow + Self.width * MemoryLayout<T>.stride).storeBytes(of: right, as: T.Vector.self)
    }

    /// C[i, columns] row by row: each aᵢₚ scales B's row p into C's row, in p order (so the sums match
    /// the vector block's), with the innermost loop over contiguous columns.
    func scalar(_ i: Int, _ columns: Range<Int>) {
        guard !columns.isEmpty else { return }
        let cRow = c + i * n
        for j in columns { cRow[j] = 0 }
        for p in 0..<k {
            let aip = a[i * rowStride + p * depthStride]
            let bRow = b + p * n
            for j in columns {
                #if FUSED_MULTIPLY_ADD
                    cRow[j] = cRow[j].addingProduct(aip, bRow[j])
                #else
                    cRow[j] += aip * bRow[j]
                #endif
            }
        }
    }
}
