import ActivationFunctions
for (id, x) in [("sigmoid", -100.0), ("gelu", -10), ("elu", -1e-7), ("tanh-shrink", 1e-3), ("log-cosh", 1000), ("softplus", 1000), ("log-sigmoid", -1000), ("gelu", -3), ("silu", -3), ("mish", 3), ("selu", 3), ("softsign", .infinity), ("mish", -.infinity), ("sinc", 0)] {
    let f = try! Activations.elementwise(id)
    print(id, x, f(x), f.derivative(at: x), f(Float(x)))
}
print(try! Activations.make("sparsemax"))
if case .row(let r) = try! Activations.make("sparsemax") { print(try! r.forward([1, 0.5, -1] as [Double])) }
if case .row(let r) = try! Activations.make("log-softmax") { print(try! r.forward([1, 2, 3] as [Double]), try! r.forward([0, -200] as [Double])) }
