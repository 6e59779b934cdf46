/// The inner kernel of matrix multiplication, for each scalar type with its SIMD vector.
///
/// C (m×n, row-major) = A·B, where A's element (i, p) is at i·rowStride + p·depthStride (so a
/// transposed A costs nothing) and B (k×n) is row-major. Each 4×(2 vectors) block of C stays in
/// registers while p runs over k; edges fall back to scalar loops. Products are accumulated in
/// the same order as the scalar edge, p = 0, 1, …, so every entry is the plain sum Σₚ aᵢₚ·bₚⱼ.
public protocol MatrixKernel: SIMDScalar & BinaryFloatingPoint {
    associatedtype Vector: SIMD where Vector.Scalar == Self
}

extension Float: MatrixKernel { public typealias Vector = SIMD8<Float> }
extension Double: MatrixKernel { public typealias Vector = SIMD4<Double> }

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

    func run() {
        guard m > 0, n > 0, k > 0 else { return }
        let w = Self.width
        let wide = n - n % (2 * w)
        let narrow = n - n % w
        var i = 0
        while i + 4 <= m {
            var j = 0
            while j < wide {
                block4(i, j)
                j += 2 * w
            }
            if wide < narrow { column4(i, wide) }
            for row in i..<(i + 4) { scalar(row, narrow..<n) }
            i += 4
        }
        for row in i..<m { scalar(row, 0..<n) }
    }

    /// C[i..<i+4, j..<j+w]: one vector of columns (for narrow layers such as the Playground's 8 units).
    @inline(__always)
    func column4(_ i: Int, _ j: Int) {
        var (c0, c1, c2, c3) = (T.Vector(), T.Vector(), T.Vector(), T.Vector())
        for p in 0..<k {
            let b0 = load(b + p * n + j)
            let aColumn = a + i * rowStride + p * depthStride
            accumulate(&c0, T.Vector(repeating: aColumn[0]), b0)
            accumulate(&c1, T.Vector(repeating: aColumn[rowStride]), b0)
            accumulate(&c2, T.Vector(repeating: aColumn[2 * rowStride]), b0)
            accumulate(&c3, T.Vector(repeating: aColumn[3 * rowStride]), b0)
        }
        UnsafeMutableRawPointer(c + i * n + j).storeBytes(of: c0, as: T.Vector.self)
        UnsafeMutableRawPointer(c + (i + 1) * n + j).storeBytes(of: c1, as: T.Vector.self)
        UnsafeMutableRawPointer(c + (i + 2) * n + j).storeBytes(of: c2, as: T.Vector.self)
        UnsafeMutableRawPointer(c + (i + 3) * n + j).storeBytes(of: c3, as: T.Vector.self)
    }

    /// c += a·b: fused (one rounding) where the build targets the CPU (`FUSED_MULTIPLY_ADD`), else a
    /// multiply and an add. The scalar edge does the same, so every entry of C is computed alike.
    @inline(__always)
    func accumulate(_ c: inout T.Vector, _ a: T.Vector, _ b: T.Vector) {
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
