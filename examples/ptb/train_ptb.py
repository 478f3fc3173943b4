#!/usr/bin/env python
"""Chainer example: an LSTM language model trained with truncated BPTT.

A plain Chainer 7 program (it imports ``chainer`` only). Run it on
chainerjax with::

    python -m chainerjax examples/ptb/train_ptb.py

and on real Chainer 7.8.1 with ``python examples/ptb/train_ptb.py``.

The model is a word embedding (``L.EmbedID``), two ``L.LSTM`` layers and a
``L.Linear`` output over the vocabulary, with dropout between the layers.
A custom iterator reads the corpus as ``batchsize`` parallel streams, and a
custom updater (``BPTTUpdater``) accumulates the loss over ``--bproplen``
steps, back-propagates through them and then cuts the graph
(``loss.unchain_backward()``): truncated back-propagation through time.
The Evaluator reports the loss; perplexity is ``exp(loss)``.

The default corpus, ``pydoc``, is English text that ships with Python
itself: the documentation topics of the ``pydoc_data`` package of the
standard library (about 74,000 words; no download). Words are lower-cased,
each line ends with ``<eos>``, and words outside the ``--vocab`` most
frequent become ``<unk>``, as in the Penn Treebank files; of every ten
paragraphs, eight are for training, one for validation and one for the
test. ``--dataset ptb`` uses ``chainer.datasets.get_ptb_words()`` (it
downloads the Penn Treebank once into Chainer's dataset cache).

The defaults are sized to train in a minute or two on a CPU: 128 units,
64 streams, 10-word BPTT and Adam. For the Penn Treebank, use a larger
model and longer training, e.g. ``--dataset ptb --unit 650 --batchsize 20
--bproplen 35 --epoch 39``.

Quality bar (default flags): the test perplexity is below 0.75 times the
perplexity of a unigram model fitted to the training words (a model that
ignores the context).
"""
import argparse
import collections
import re
import sys

import numpy

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import training
from chainer.training import extensions

QUALITY_RATIO = 0.75


class RNNForLM(chainer.Chain):
    """EmbedID, two LSTMs and a Linear layer, with dropout between them."""

    def __init__(self, n_vocab, n_units, dropout=0.2):
        super(RNNForLM, self).__init__()
        with self.init_scope():
            self.embed = L.EmbedID(n_vocab, n_units)
            self.l1 = L.LSTM(n_units, n_units)
            self.l2 = L.LSTM(n_units, n_units)
            self.l3 = L.Linear(n_units, n_vocab)
        self.dropout = dropout
        # Start every weight uniformly in [-0.1, 0.1], written in place.
        for param in self.params():
            param.array[...] = numpy.random.uniform(-0.1, 0.1, param.shape)

    def reset_state(self):
        self.l1.reset_state()
        self.l2.reset_state()

    def forward(self, x):
        h0 = self.embed(x)
        h1 = self.l1(F.dropout(h0, self.dropout))
        h2 = self.l2(F.dropout(h1, self.dropout))
        return self.l3(F.dropout(h2, self.dropout))


class ParallelSequentialIterator(chainer.dataset.Iterator):
    """Reads a word sequence as ``batch_size`` streams that start at evenly
    spaced offsets; each batch is ``(word, next word)`` for every stream.

    An epoch is ``len(dataset)`` words in total.
    """

    def __init__(self, dataset, batch_size, repeat=True):
        super(ParallelSequentialIterator, self).__init__()
        self.dataset = dataset
        self.batch_size = batch_size
        self.repeat = repeat
        length = len(dataset)
        self.offsets = [i * length // batch_size for i in range(batch_size)]
        self.reset()

    def reset(self):
        self.epoch = 0
        self.iteration = 0
        self.is_new_epoch = False
        self._previous_epoch_detail = -1.

    def __next__(self):
        length = len(self.dataset)
        if not self.repeat and self.iteration * self.batch_size >= length:
            # one pass over the corpus is done
            raise StopIteration
        words = self._words_at(self.iteration)
        next_words = self._words_at(self.iteration + 1)
        self._previous_epoch_detail = self.epoch_detail
        self.iteration += 1
        epoch = self.iteration * self.batch_size // length
        self.is_new_epoch = self.epoch < epoch
        if self.is_new_epoch:
            self.epoch = epoch
        return list(zip(words, next_words))

    @property
    def epoch_detail(self):
        return self.iteration * self.batch_size / len(self.dataset)

    @property
    def previous_epoch_detail(self):
        if self._previous_epoch_detail < 0:
            return None
        return self._previous_epoch_detail

    def _words_at(self, iteration):
        positions = [(offset + iteration) % len(self.dataset)
                     for offset in self.offsets]
        return self.dataset[positions]

    def serialize(self, serializer):
        self.iteration = serializer('iteration', self.iteration)
        self.epoch = serializer('epoch', self.epoch)
        self._previous_epoch_detail = serializer(
            'previous_epoch_detail', self._previous_epoch_detail)


class BPTTUpdater(training.updaters.StandardUpdater):
    """Truncated back-propagation through time over ``bprop_len`` steps."""

    def __init__(self, train_iter, optimizer, bprop_len, device):
        super(BPTTUpdater, self).__init__(
            train_iter, optimizer, device=device)
        self.bprop_len = bprop_len

    def update_core(self):
        train_iter = self.get_iterator('main')
        optimizer = self.get_optimizer('main')
        loss = 0
        for _ in range(self.bprop_len):
            x, t = self.converter(train_iter.__next__(), self.device)
            # the Classifier reports main/loss at each step
            loss += optimizer.target(x, t)
        optimizer.target.cleargrads()
        loss.backward()
        # keep the LSTM states, forget the graph that led to them
        loss.unchain_backward()
        optimizer.update()


def compute_perplexity(result):
    result['perplexity'] = numpy.exp(result['main/loss'])
    if 'validation/main/loss' in result:
        result['val_perplexity'] = numpy.exp(result['validation/main/loss'])


def get_pydoc_words(n_vocab=1000):
    """The ``pydoc_data`` documentation topics as a PTB-style corpus.

    Returns ``(train, valid, test, vocab)``: int32 word-id arrays and the
    word-to-id dict. Of every ten paragraphs, eight go to the training
    words, one to the validation words and one to the test words.
    """
    from pydoc_data import topics
    paragraphs = []
    for key in sorted(topics.topics):
        for paragraph in re.split(r'\n\s*\n', topics.topics[key]):
            words = []
            for line in paragraph.splitlines():
                tokens = re.findall(r'[a-z]+|[0-9]+', line.lower())
                if tokens:
                    words.extend(tokens)
                    words.append('<eos>')
            if words:
                paragraphs.append(words)
    splits = ([], [], [])
    for i, words in enumerate(paragraphs):
        splits[{8: 1, 9: 2}.get(i % 10, 0)].extend(words)
    counts = collections.Counter(splits[0])
    counts.pop('<eos>')
    # most frequent training words first, ties in alphabetical order
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    vocab = {'<eos>': 0, '<unk>': 1}
    for word in ranked[:n_vocab - 2]:
        vocab[word] = len(vocab)
    train, valid, test = [
        numpy.array([vocab.get(w, 1) for w in words], numpy.int32)
        for words in splits]
    return train, valid, test, vocab


def unigram_perplexity(train, test, n_vocab):
    """Perplexity on ``test`` of word frequencies counted in ``train``
    (add-one smoothed): the baseline a context-free model reaches."""
    counts = numpy.bincount(train, minlength=n_vocab) + 1.
    log_p = numpy.log(counts / counts.sum())
    return float(numpy.exp(-log_p[test].mean()))


def main():
    parser = argparse.ArgumentParser(
        description='Chainer example: LSTM language model')
    parser.add_argument('--dataset', choices=('pydoc', 'ptb'),
                        default='pydoc',
                        help='pydoc: the pydoc_data topics of the Python '
                        'standard library (no download); ptb: '
                        'get_ptb_words()')
    parser.add_argument('--batchsize', '-b', type=int, default=64,
                        help='Number of parallel word streams')
    parser.add_argument('--bproplen', '-l', type=int, default=10,
                        help='Number of words in each mini-batch '
                        '(= length of truncated BPTT)')
    parser.add_argument('--epoch', '-e', type=int, default=4,
                        help='Number of sweeps over the dataset to train')
    parser.add_argument('--unit', '-u', type=int, default=128,
                        help='Number of LSTM units in each layer')
    parser.add_argument('--vocab', type=int, default=1000,
                        help='Vocabulary size of the pydoc corpus')
    parser.add_argument('--gradclip', '-c', type=float, default=5,
                        help='Gradient norm threshold to clip')
    parser.add_argument('--device', '-d', type=str, default='-1',
                        help='Device specifier: -1 or @numpy for the CPU, '
                        'N or @cupy:N for GPU N; on chainerjax also '
                        '@jax:cpu:0, @jax:gpu:N, @jax:tpu:N')
    parser.add_argument('--out', '-o', default='result',
                        help='Directory to output the result')
    parser.add_argument('--resume', '-r', type=str,
                        help='Resume the training from a snapshot')
    parser.add_argument('--test', action='store_true',
                        help='Use tiny datasets for quick tests')
    parser.add_argument('--seed', type=int, default=0,
                        help='Random seed (initial weights, dropout)')
    args = parser.parse_args()

    numpy.random.seed(args.seed)
    device = chainer.get_device(args.device)
    device.use()

    if args.dataset == 'ptb':
        train, val, test = chainer.datasets.get_ptb_words()
        n_vocab = len(chainer.datasets.get_ptb_words_vocabulary())
    else:
        train, val, test, vocab = get_pydoc_words(args.vocab)
        n_vocab = len(vocab)
    if args.test:
        # 6400 words: an epoch of 10 updates of 64 streams x 10 words
        train, val, test = train[:6400], val[:500], test[:500]
    print('#vocab = {}'.format(n_vocab))
    print('#words: train {}, valid {}, test {}'.format(
        len(train), len(val), len(test)))
    print('')

    train_iter = ParallelSequentialIterator(train, args.batchsize)
    # Evaluation reads 10 streams at once: one stream, as in the PTB
    # literature, gives nearly the same perplexity (only 9 more words start
    # without context) but takes 10 times longer.
    val_iter = ParallelSequentialIterator(val, 10, repeat=False)
    test_iter = ParallelSequentialIterator(test, 10, repeat=False)

    rnn = RNNForLM(n_vocab, args.unit)
    model = L.Classifier(rnn)
    model.compute_accuracy = False  # only the loss is needed
    model.to_device(device)

    optimizer = chainer.optimizers.Adam(alpha=0.01)
    optimizer.setup(model)
    optimizer.add_hook(chainer.optimizer_hooks.GradientClipping(
        args.gradclip))

    updater = BPTTUpdater(train_iter, optimizer, args.bproplen, device)
    trainer = training.Trainer(updater, (args.epoch, 'epoch'), out=args.out)

    # The evaluation model shares the parameters but has its own LSTM
    # states, reset at the start of each evaluation.
    eval_model = model.copy()
    eval_rnn = eval_model.predictor
    trainer.extend(extensions.Evaluator(
        val_iter, eval_model, device=device,
        eval_hook=lambda _: eval_rnn.reset_state()))

    interval = 10
    trainer.extend(extensions.LogReport(postprocess=compute_perplexity,
                                        trigger=(interval, 'iteration')))
    trainer.extend(extensions.PrintReport(
        ['epoch', 'iteration', 'perplexity', 'val_perplexity']),
        trigger=(interval, 'iteration'))
    trainer.extend(extensions.ProgressBar(update_interval=1))
    trainer.extend(extensions.snapshot(n_retains=1), trigger=(1, 'epoch'))
    trainer.extend(extensions.snapshot_object(
        model, 'model_epoch_{.updater.epoch}'), trigger=(1, 'epoch'))

    if args.resume is not None:
        chainer.serializers.load_npz(args.resume, trainer)

    trainer.run()

    # Evaluate the final model on the test words.
    eval_rnn.reset_state()
    evaluator = extensions.Evaluator(test_iter, eval_model, device=device)
    result = evaluator()
    test_perplexity = float(numpy.exp(float(result['main/loss'])))
    baseline = unigram_perplexity(train, test, n_vocab)
    print('test perplexity: {:.2f}'.format(test_perplexity))
    print('unigram baseline perplexity: {:.2f}'.format(baseline))
    status = ('reached' if test_perplexity < QUALITY_RATIO * baseline
              else 'NOT reached')
    print('quality bar: test perplexity = {:.2f} (< {} x {:.2f} = {:.2f}) '
          '{}'.format(test_perplexity, QUALITY_RATIO, baseline,
                      QUALITY_RATIO * baseline, status))


if __name__ == '__main__':
    sys.exit(main())
