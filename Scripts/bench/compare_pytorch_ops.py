"""The PyTorch side of compare-pytorch.py: each function's calls, with and without `out=`, and ours.

Each entry gives PyTorch's forward and backward, allocating and (where aten has an `out=` or
`grad_input=` overload) writing into a preallocated buffer. Backward functions get (x, dy, y) and,
for the out= form, the buffer o. Entries without a backward of PyTorch's own are timed through
autograd; compositions of torch ops are marked composed.
"""
import json, subprocess
from collections import namedtuple
import numpy as np
import torch
import torch.nn.functional as F

A = torch.ops.aten
Op = namedtuple("Op", "forward forward_out backward backward_out composed", defaults=(None, None, None, False))

def elu_backward(alpha, scale, input_scale):
    return (lambda x, g, y: A.elu_backward(g, alpha, scale, input_scale, False, x),
            lambda x, g, y, o: A.elu_backward.grad_input(g, alpha, scale, input_scale, False, x, grad_input=o))

_buffers = {}
def log_sigmoid_buffer(x):
    """The buffer autograd saves beside log_sigmoid's output (made once per input, as autograd would)."""
    key = (x.data_ptr(), x.numel())
    if key not in _buffers: _buffers[key] = A.log_sigmoid_forward(x)[1]
    return _buffers[key]

SELU = (1.6732632423543772, 1.0507009873554805)
FUNCTIONS = {
    "relu": Op(F.relu, lambda x, o: A.relu.out(x, out=o),
               lambda x, g, y: A.threshold_backward(g, y, 0),
               lambda x, g, y, o: A.threshold_backward.grad_input(g, y, 0, grad_input=o)),
    "relu6": Op(F.relu6, lambda x, o: A.hardtanh.out(x, 0.0, 6.0, out=o),
                lambda x, g, y: A.hardtanh_backward(g, x, 0.0, 6.0),
                lambda x, g, y, o: A.hardtanh_backward.grad_input(g, x, 0.0, 6.0, grad_input=o)),
    "leaky-relu": Op(lambda x: F.leaky_relu(x, 0.01), lambda x, o: A.leaky_relu.out(x, 0.01, out=o),
                     lambda x, g, y: A.leaky_relu_backward(g, x, 0.01, False),
                     lambda x, g, y, o: A.leaky_relu_backward.grad_input(g, x, 0.01, False, grad_input=o)),
    "elu": Op(F.elu, lambda x, o: A.elu.out(x, 1.0, 1.0, 1.0, out=o), *elu_backward(1.0, 1.0, 1.0)),
    "celu": Op(F.celu, lambda x, o: A.elu.out(x, 1.0, 1.0, 1.0, out=o), *elu_backward(1.0, 1.0, 1.0)),
    "selu": Op(F.selu, lambda x, o: A.elu.out(x, SELU[0], SELU[1], 1.0, out=o), *elu_backward(SELU[0], SELU[1], 1.0)),
    "gelu": Op(F.gelu, lambda x, o: A.gelu.out(x, out=o),
               lambda x, g, y: A.gelu_backward(g, x),
               lambda x, g, y, o: A.gelu_backward.grad_input(g, x, grad_input=o)),
    "gelu-tanh": Op(lambda x: F.gelu(x, approximate="tanh"), lambda x, o: A.gelu.out(x, approximate="tanh", out=o),
                    lambda x, g, y: A.gelu_backward(g, x, approximate="tanh"),
                    lambda x, g, y, o: A.gelu_backward.grad_input(g, x, approximate="tanh", grad_input=o)),
    "silu": Op(F.silu, lambda x, o: A.silu.out(x, out=o),
               lambda x, g, y: A.silu_backward(g, x),
               lambda x, g, y, o: A.silu_backward.grad_input(g, x, grad_input=o)),
    "mish": Op(F.mish, lambda x, o: A.mish.out(x, out=o), lambda x, g, y: A.mish_backward(g, x)),
    "hard-swish": Op(F.hardswish, lambda x, o: A.hardswish.out(x, out=o),
                     lambda x, g, y: A.hardswish_backward(g, x),
                     lambda x, g, y, o: A.hardswish_backward.out(g, x, out=o)),
    "softplus": Op(F.softplus, lambda x, o: A.softplus.out(x, 1.0, 20.0, out=o),
                   lambda x, g, y: A.softplus_backward(g, x, 1.0, 20.0),
                   lambda x, g, y, o: A.softplus_backward.grad_input(g, x, 1.0, 20.0, grad_input=o)),
    "sigmoid": Op(torch.sigmoid, lambda x, o: torch.sigmoid(x, out=o),
                  lambda x, g, y: A.sigmoid_backward(g, torch.sigmoid(x)),
                  lambda x, g, y, o: A.sigmoid_backward.grad_input(g, torch.sigmoid(x, out=o), grad_input=o)),
    "log-sigmoid": Op(F.logsigmoid, lambda x, o: A.log_sigmoid.out(x, out=o),
                      lambda x, g, y: A.log_sigmoid_backward(g, x, log_sigmoid_buffer(x)),
                      lambda x, g, y, o: A.log_sigmoid_backward.grad_input(g, x, log_sigmoid_buffer(x), grad_input=o)),
    "hard-sigmoid": Op(F.hardsigmoid, lambda x, o: A.hardsigmoid.out(x, out=o),
                       lambda x, g, y: A.hardsigmoid_backward(g, x),
                       lambda x, g, y, o: A.hardsigmoid_backward.grad_input(g, x, grad_input=o)),
    "tanh": Op(torch.tanh, lambda x, o: torch.tanh(x, out=o),
               lambda x, g, y: A.tanh_backward(g, torch.tanh(x)),
               lambda x, g, y, o: A.tanh_backward.grad_input(g, torch.tanh(x, out=o), grad_input=o)),
    "hard-tanh": Op(F.hardtanh, lambda x, o: A.hardtanh.out(x, -1.0, 1.0, out=o),
                    lambda x, g, y: A.hardtanh_backward(g, x, -1.0, 1.0),
                    lambda x, g, y, o: A.hardtanh_backward.grad_input(g, x, -1.0, 1.0, grad_input=o)),
    "softsign": Op(F.softsign),
    "tanh-shrink": Op(F.tanhshrink),
    "soft-shrink": Op(F.softshrink, lambda x, o: A.softshrink.out(x, 0.5, out=o),
                      lambda x, g, y: A.softshrink_backward(g, x, 0.5),
                      lambda x, g, y, o: A.softshrink_backward.grad_input(g, x, 0.5, grad_input=o)),
    "hard-shrink": Op(F.hardshrink, lambda x, o: A.hardshrink.out(x, 0.5, out=o),
                      lambda x, g, y: A.hardshrink_backward(g, x, 0.5),
                      lambda x, g, y, o: A.hardshrink_backward.grad_input(g, x, 0.5, grad_input=o)),
    "threshold": Op(lambda x: F.threshold(x, 0.0, 0.0), lambda x, o: A.threshold.out(x, 0.0, 0.0, out=o),
                    lambda x, g, y: A.threshold_backward(g, x, 0.0),
                    lambda x, g, y, o: A.threshold_backward.grad_input(g, x, 0.0, grad_input=o)),
    "prelu": Op(lambda x: F.prelu(x, torch.tensor([0.25]))),
    "quick-gelu": Op(lambda x: x * torch.sigmoid(1.702 * x), composed=True),
    "squared-relu": Op(lambda x: torch.square(F.relu(x)), composed=True),
    "exponential": Op(torch.exp, lambda x, o: torch.exp(x, out=o), composed=True),
    "arctan": Op(torch.atan, lambda x, o: torch.atan(x, out=o), composed=True),
    "arsinh": Op(torch.asinh, lambda x, o: torch.asinh(x, out=o), composed=True),
    "sinusoid": Op(torch.sin, lambda x, o: torch.sin(x, out=o), composed=True),
    "cos": Op(torch.cos, lambda x, o: torch.cos(x, out=o), composed=True),
    "gaussian": Op(lambda x: torch.exp(-x * x), composed=True),
    "lisht": Op(lambda x: x * torch.tanh(x), composed=True),
    "symmetric-sigmoid": Op(lambda x: torch.tanh(0.5 * x), composed=True),
    "absolute": Op(torch.abs, lambda x, o: torch.abs(x, out=o), composed=True),
}
# From what autograd saved, as it runs them: our `backward(output:)` (from y), direction "backward(y)".
# PyTorch's log-sigmoid saves x and its forward's buffer rather than y: its backward reads those.
FROM_OUTPUT = {
    "sigmoid": (lambda x, g, y: A.sigmoid_backward(g, y),
                lambda x, g, y, o: A.sigmoid_backward.grad_input(g, y, grad_input=o)),
    "tanh": (lambda x, g, y: A.tanh_backward(g, y),
             lambda x, g, y, o: A.tanh_backward.grad_input(g, y, grad_input=o)),
    "log-sigmoid": (lambda x, g, y: A.log_sigmoid_backward(g, x, log_sigmoid_buffer(x)),
                    lambda x, g, y, o: A.log_sigmoid_backward.grad_input(g, x, log_sigmoid_buffer(x), grad_input=o)),
}
ROW = 1000
ROWS = {
    "softmax": (lambda x: torch.softmax(x, -1), lambda x, o: torch.softmax(x, -1, out=o),
                lambda g, y: A._softmax_backward_data(g, y, -1, torch.float32),
                lambda g, y, o: A._softmax_backward_data.out(g, y, -1, torch.float32, grad_input=o)),
    "log-softmax": (lambda x: torch.log_softmax(x, -1), lambda x, o: A._log_softmax.out(x, -1, False, out=o),
                    lambda g, y: A._log_softmax_backward_data(g, y, -1, torch.float32),
                    lambda g, y, o: A._log_softmax_backward_data.out(g, y, -1, torch.float32, out=o)),
    "softmin": (lambda x: F.softmin(x, -1), None, None, None),
}

def torch_calls(fid, n):
    """{(direction, "out" or "alloc"): a call} for PyTorch on n elements, inputs uniform [-5, 5]."""
    x, g = torch.rand(n) * 10 - 5, torch.rand(n) * 10 - 5
    o = torch.empty(n)
    if fid in ROWS:
        return row_calls(fid, n, x, g)
    op = FUNCTIONS[fid]
    calls = {("forward", "alloc"): lambda: op.forward(x)}
    if op.forward_out: calls[("forward", "out")] = lambda: op.forward_out(x, o)
    y = op.forward(x)
    if op.backward:
        calls[("backward", "alloc")] = lambda: op.backward(x, g, y)
        if op.backward_out: calls[("backward", "out")] = lambda: op.backward_out(x, g, y, o)
    else:
        xr = x.clone().requires_grad_(True)
        calls[("backward", "alloc")] = lambda: torch.autograd.grad(op.forward(xr), xr, g)
    if fid in FROM_OUTPUT:
        alloc, out = FROM_OUTPUT[fid]
        calls[("backward(y)", "alloc")] = lambda: alloc(x, g, y)
        calls[("backward(y)", "out")] = lambda: out(x, g, y, o)
    return calls

def row_calls(fid, n, x, g):
    """Whole rows of ROW, counted as n elements, as `activations bench` counts them."""
    m = n // ROW * ROW
    x2, g2, o2 = x[:m].view(-1, ROW), g[:m].view(-1, ROW), torch.empty(m).view(-1, ROW)
    forward, forward_out, backward, backward_out = ROWS[fid]
    calls = {("forward", "alloc"): lambda: forward(x2)}
    if forward_out: calls[("forward", "out")] = lambda: forward_out(x2, o2)
    y = forward(x2)
    if backward:
        calls[("backward", "alloc")] = lambda: backward(g2, y)
        calls[("backward", "out")] = lambda: backward_out(g2, y, o2)
    else:
        xr = x2.clone().requires_grad_(True)
        calls[("backward", "alloc")] = lambda: torch.autograd.grad(forward(xr), xr, g2)
    return calls

def ours_rates(binary, fid, n, samples, cpu_time, threads):
    """{direction: Gelem/s} from one `activations bench --backward --json` run."""
    args = [binary, "bench", fid, "--n", str(n), "--json", "--samples", str(samples), "--backward",
            "--threads", str(threads)]
    if cpu_time: args.append("--cpu-time")
    rates = {}
    for line in subprocess.run(args, check=True, capture_output=True, text=True).stdout.splitlines():
        row = json.loads(line)
        from_output = row.get("reads") == "output" and fid not in ROWS
        rates[row["direction"] + ("(y)" if from_output else "")] = row["gelem_per_s"]
    return rates

def copy_gbps(n, samples, median_seconds, clock):
    """A float32 copy of n elements (numpy), counting the bytes read and written."""
    src = np.random.rand(n).astype(np.float32); dst = np.empty_like(src)
    return 2 * 4 * n / median_seconds(lambda: np.copyto(dst, src), samples, clock) / 1e9
