/// Which kernel runs a product: `Operands` (`MatrixKernel.swift`) for `Float` and `Double`, chosen by
/// type inside the module, so the kernel's vector widths stay internal.
extension TrainingScalar {
    /// C = A·B (shapes and strides as `MatrixKernel` says) with the register-blocked kernel for `Float`
    /// and `Double`, or a plain triple loop for any other conforming type.
    static func multiply(
        m: Int, n: Int, k: Int, a: [Self], rowStride: Int, depthStride: Int, b: [Self], into c: inout [Self]
    ) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    let (a, b, c) = (a.baseAddress!, b.baseAddress!, c.baseAddress!)
                    if Self.self == Float.self {
                        Operands<Float>(
                            a: a.rebound(), b: b.rebound(), c: c.rebound(),
                            m: m, n: n, k: k, rowStride: rowStride, depthStride: depthStride
                        ).run()
                    } else if Self.self == Double.self {
                        Operands<Double>(
                            a: a.rebound(), b: b.rebound(), c: c.rebound(),
                            m: m, n: n, k: k, rowStride: rowStride, depthStride: depthStride
                        ).run()
                    } else {
                        plainProduct(m: m, n: n, k: k, a: a, rowStride: rowStride, depthStride: depthStride, b: b, c: c)
                    }
                }
            }
        }
    }

    /// Σₚ aᵢₚ·bₚⱼ entry by entry.
    static func plainProduct(
        m: Int, n: Int, k: Int, a: UnsafePointer<Self>, rowStride: Int, depthStride: Int,
        b: UnsafePointer<Self>, c: UnsafeMutablePointer<Self>
    ) {
        for i in 0..<m {
            for j in 0..<n {
                var sum: Self = 0
                for p in 0..<k { sum += a[i * rowStride + p * depthStride] * b[p * n + j] }
                c[i * n + j] = sum
            }
        }
    }
}

extension UnsafePointer {
    /// The same memory as `U`, for a generic `Pointee` that has been checked to be `U`.
    @inline(__always) func rebound<U>() -> UnsafePointer<U> { UnsafeRawPointer(self).assumingMemoryBound(to: U.self) }
}

extension UnsafeMutablePointer {
    /// The same memory as `U`, for a generic `Pointee` that has been checked to be `U`.
    @inline(__always) func rebound<U>() -> UnsafeMutablePointer<U> {
        UnsafeMutableRawPointer(self).assumingMemoryBound(to: U.self)
    }
}
