/// NeuralNet: matrices, layers, forward and backward passes, losses, optimisers, initialisers,
/// datasets and metrics — a small trainer that shows what the article talks about.
public enum NeuralNet {}
