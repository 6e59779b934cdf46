"""Replays ActivationLab training traces (activations train --trace) in PyTorch and compares losses step by step."""
import json
import sys

import torch

torch.set_num_threads(1)

ACTIVATIONS = {
    "identity": lambda x, p: x * p.get("c", 1.0),
    "tanh": lambda x, p: torch.tanh(x),
    "relu": lambda x, p: torch.relu(x),
    "sigmoid": lambda x, p: torch.sigmoid(x),
    "leaky-relu": lambda x, p: torch.nn.functional.leaky_relu(x, p.get("slope", 0.01)),
    "elu": lambda x, p: torch.nn.functional.elu(x, p.get("alpha", 1.0)),
    "gelu": lambda x, p: torch.nn.functional.gelu(x),
    "silu": lambda x, p: torch.nn.functional.silu(x),
}


def loss_fn(head, z, classes, values):
    if head == "softmax":
        return torch.nn.functional.cross_entropy(z, classes)
    if head == "sigmoid":
        return torch.nn.functional.binary_cross_entropy_with_logits(z[:, 0], classes.to(z.dtype))
    if head == "tanh":
        target = classes.to(z.dtype) * 2 - 1
        return 0.5 * ((torch.tanh(z[:, 0]) - target) ** 2).mean()
    if head == "linear":
        return torch.nn.functional.mse_loss(z, values)
    if head == "huber":
        return torch.nn.functional.huber_loss(z, values, delta=1.0)
    raise ValueError(head)


def optimizer_for(settings, params):
    kind, lr = settings["kind"], settings["learningRate"]
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if kind in ("momentum", "nesterov"):
        return torch.optim.SGD(params, lr=lr, momentum=settings["momentum"], nesterov=kind == "nesterov")
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=settings["rho"], eps=settings["epsilon"])
    if kind == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(settings["beta1"], settings["beta2"]), eps=settings["epsilon"])
    if kind == "adamw":
        return torch.optim.AdamW(params, lr=lr, betas=(settings["beta1"], settings["beta2"]), eps=settings["epsilon"],
                                 weight_decay=settings["weightDecay"])
    raise ValueError(kind)


def replay(trace):
    config = trace["config"]
    dtype = torch.float64 if config["precision"] == "double" else torch.float32
    layers = trace["initial"]["layers"]
    weights = [torch.tensor(l["weights"], dtype=dtype, requires_grad=True) for l in layers]  # inputs × outputs
    biases = [torch.tensor(l["bias"], dtype=dtype, requires_grad=True) for l in layers]
    x_all = torch.tensor(trace["trainInputs"], dtype=dtype)
    classes_all = torch.tensor(trace.get("trainClasses") or [0] * len(x_all))
    values_all = torch.tensor(trace["trainValues"], dtype=dtype) if trace.get("trainValues") else None
    optimizer = optimizer_for(config["optimizer"], weights + biases)
    penalty, rate = config["optimizer"]["regularization"], config["optimizer"]["regularizationRate"]
    losses, batch = [], config["batchSize"]
    for _ in range(config["epochs"]):
        for start in range(0, len(x_all), batch):
            x = x_all[start:start + batch]
            for i, (w, b) in enumerate(zip(weights, biases)):
                x = x @ w + b
                if i < len(layers) - 1:
                    x = ACTIVATIONS[layers[i]["activation"]](x, layers[i]["parameters"])
            values = values_all[start:start + batch] if values_all is not None else None
            loss = loss_fn(config["output"], x, classes_all[start:start + batch], values)
            losses.append(loss.item())
            objective = loss
            if penalty == "l2":
                objective = objective + 0.5 * rate * sum((w ** 2).sum() for w in weights)
            elif penalty == "l1":
                objective = objective + rate * sum(w.abs().sum() for w in weights)
            optimizer.zero_grad()
            objective.backward()
            optimizer.step()
    return losses


def main(paths):
    print(f"{'run':24} {'steps':>5} {'max rel. diff (≤100 steps)':>28} {'tolerance':>10}  verdict")
    ok = True
    for path in paths:
        trace = json.load(open(path))
        ours, theirs = trace["stepLosses"], replay(trace)
        steps = min(len(ours), len(theirs), 100)
        worst = max(abs(a - b) / max(abs(b), 1e-300) for a, b in zip(ours[:steps], theirs[:steps]))
        tolerance = 1e-6 if trace["config"]["precision"] == "double" else 1e-4
        verdict = "agree" if worst <= tolerance else "DIFFER"
        ok &= worst <= tolerance
        name = path.rsplit("/", 1)[-1].removesuffix(".json")
        print(f"{name:24} {steps:5d} {worst:28.3e} {tolerance:10.0e}  {verdict}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1:])
