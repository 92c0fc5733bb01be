"""The shipped emotion model: obvious cases, thresholds, determinism, offline loading."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest

from attune.analysis import emotions
from attune.analysis.emotions import (
    DEFAULT_MODEL_PATH,
    EMOTION_LABELS,
    EmotionModel,
    emotion_scores,
    predict_emotions,
)
from attune.errors import AnalysisError

SAMPLES = [
    "thank you so much",
    "I'm so sorry, that was completely my fault",
    "haha that is hilarious",
    "I love you",
    "I am so proud of you",
    "this is disgusting",
    "Wow, I did not expect that!",
    "I miss you so much",
    "",
    "ok",
    "you never listen to me and I'm tired of it",
    "don't 'quote' me on that!! 😀😀",
]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("thank you so much", "gratitude"),
        ("Thanks for helping me today", "gratitude"),
        ("I love you", "love"),
        ("haha that is hilarious", "amusement"),
        ("I'm so sorry, that was completely my fault", "remorse"),
        ("this is disgusting", "disgust"),
        ("I am so sad today", "sadness"),
    ],
)
def test_obvious_sentences_get_their_emotion_first(text: str, label: str) -> None:
    found = predict_emotions([text])[0]
    assert found, f"no emotion above threshold for {text!r}"
    assert found[0].label == label


def test_labels_are_goemotions_plus_neutral() -> None:
    model = EmotionModel.load()
    assert model.labels == EMOTION_LABELS
    assert len(EMOTION_LABELS) == 28 and EMOTION_LABELS[-1] == "neutral"


def test_only_labels_at_or_above_their_threshold_are_listed_highest_first() -> None:
    model = EmotionModel.load()
    scores = model.scores(SAMPLES)
    for text, text_scores, found in zip(SAMPLES, scores, model.predict(SAMPLES), strict=True):
        listed = {e.label for e in found}
        expected = {
            label
            for label, s, t in zip(EMOTION_LABELS, text_scores, model.thresholds, strict=True)
            if s >= t and text.strip()
        }
        assert listed == expected
        assert [e.score for e in found] == sorted((e.score for e in found), reverse=True)
        for e in found:
            assert 0.0 <= e.score <= 1.0
            assert e.score == pytest.approx(text_scores[EMOTION_LABELS.index(e.label)], abs=6e-5)


def test_thresholds_were_tuned_per_label() -> None:
    thresholds = EmotionModel.load().thresholds
    assert thresholds.shape == (28,)
    assert len(set(np.round(thresholds, 4).tolist())) > 10
    assert ((thresholds > 0) & (thresholds < 1)).all()


def test_a_text_scores_the_same_alone_or_in_any_batch() -> None:
    together = emotion_scores(SAMPLES)
    alone = np.vstack([emotion_scores([t]) for t in SAMPLES])
    reversed_batch = emotion_scores(SAMPLES[::-1])[::-1]
    np.testing.assert_allclose(together, alone, atol=1e-6)
    np.testing.assert_allclose(together, reversed_batch, atol=1e-6)


def test_output_is_deterministic_across_loads() -> None:
    first = EmotionModel.load().predict(SAMPLES)
    second = EmotionModel.load().predict(SAMPLES)
    assert first == second


def test_empty_batch_and_empty_text() -> None:
    assert predict_emotions([]) == []
    assert emotion_scores([]).shape == (0, 28)
    assert predict_emotions(["", "  "]) == [(), ()]


def test_model_loads_and_predicts_with_the_network_disabled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the emotion model tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    emotions.default_model.cache_clear()
    try:
        assert predict_emotions(["thank you"])[0][0].label == "gratitude"
    finally:
        emotions.default_model.cache_clear()


def test_shipped_artefact_is_small_numpy_without_pickles() -> None:
    assert DEFAULT_MODEL_PATH.parent.name == "models"
    assert DEFAULT_MODEL_PATH.stat().st_size < 5_000_000
    with np.load(DEFAULT_MODEL_PATH, allow_pickle=False) as f:
        assert all(f[k].dtype != object for k in f.files)


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AnalysisError, match="Can't read the emotion model.*train_emotions"):
        EmotionModel.load(tmp_path / "nope.npz")


def test_model_of_another_format_is_refused(tmp_path: Path) -> None:
    with np.load(DEFAULT_MODEL_PATH, allow_pickle=False) as f:
        data = {k: f[k] for k in f.files}
    data["format_version"] = np.array(99)
    path = tmp_path / "future.npz"
    np.savez(path, **data)
    with pytest.raises(AnalysisError, match="format 99"):
        EmotionModel.load(path)
