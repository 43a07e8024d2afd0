"""What a simulated call produced: :class:`CallResult` and the records it is made of."""

from __future__ import annotations

from typing import Any

import attrs

from plivo_agentstack.agent.protocol import compact_json

__all__ = [
    "CallResult",
    "RecordedMessage",
    "ToolCallRecord",
    "Violation",
    "AppError",
    "TranscriptLine",
]

_TEXT_LIMIT = 160


@attrs.frozen
class RecordedMessage:
    """One message the app sent: arrival order, active step, decoded JSON and raw frame."""

    index: int
    step: int
    step_label: str
    kind: str | None
    data: Any
    raw: str | bytes = attrs.field(repr=False)
    at: float


@attrs.frozen
class ToolCallRecord:
    """A ``tool.called`` the simulator sent and the app's answer (``outcome`` None: none yet)."""

    id: str
    name: str
    arguments: dict[str, Any]
    step: int
    outcome: str | None = None
    value: Any = None
    answer_index: int | None = None

    @property
    def answered(self) -> bool:
        """Whether the app answered with ``tool.result`` or ``tool.error``."""
        return self.outcome is not None


@attrs.frozen
class Violation:
    """A protocol violation by the app (``code`` is stable, ``message`` explains it)."""

    code: str
    message: str
    step: int
    index: int | None = None

    def __str__(self) -> str:
        return self.message


@attrs.frozen
class AppError:
    """An error the app reported during the call: a handler exception, a bad frame, a crash."""

    message: str
    step: int
    event_type: str | None = None
    traceback: str = attrs.field(default="", repr=False)

    def __str__(self) -> str:
        return self.message


@attrs.frozen
class TranscriptLine:
    """One line of the readable transcript: step number, who, what."""

    step: int
    who: str
    text: str
    index: int | None = None

    def __str__(self) -> str:
        return f"{self.step:>3}  {self.who:<9} {self.text}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _compact(value: Any, limit: int = _TEXT_LIMIT) -> str:
    return compact_json(value, limit)


@attrs.frozen
class CallResult:
    """Everything that happened in a simulated call, with assertion helpers."""

    messages: list[RecordedMessage]
    sent_events: list[dict[str, Any]]
    spoken_text: list[str]
    text_responses: list[str]
    hung_up: bool
    transfers: list[dict[str, Any]]
    tool_calls: list[ToolCallRecord]
    sent_dtmf: list[str]
    violations: list[Violation]
    app_errors: list[AppError]
    failures: list[str]
    transcript: list[TranscriptLine]
    agent_session_id: str
    call_id: str
    end_reason: str | None = None
    close_code: int | None = None
    steps_run: int = 0
    steps_skipped: int = 0
    duration: float = 0.0

    # --- views ------------------------------------------------------------------------------

    @property
    def tool_results(self) -> dict[str, Any]:
        """Tool name -> the result of its latest answered call (every call: ``tool_calls``)."""
        return {c.name: c.value for c in self.tool_calls if c.outcome == "result"}

    @property
    def tool_results_by_id(self) -> dict[str, Any]:
        """Tool call id -> result."""
        return {c.id: c.value for c in self.tool_calls if c.outcome == "result"}

    @property
    def tool_errors(self) -> dict[str, Any]:
        """Tool name -> the error of its latest call answered with ``tool.error``."""
        return {c.name: c.value for c in self.tool_calls if c.outcome == "error"}

    @property
    def tool_errors_by_id(self) -> dict[str, Any]:
        """Tool call id -> error."""
        return {c.id: c.value for c in self.tool_calls if c.outcome == "error"}

    @property
    def unanswered_tool_calls(self) -> list[ToolCallRecord]:
        """Tool calls the app never answered."""
        return [c for c in self.tool_calls if not c.answered]

    @property
    def problems(self) -> list[str]:
        """Violations, app errors and failures, as messages."""
        return (
            [f"violation: {v.message}" for v in self.violations]
            + [f"app error: {e.message}" for e in self.app_errors]
            + [f"failure: {f}" for f in self.failures]
        )

    @property
    def ok(self) -> bool:
        """True when there was no violation, no app error and no failure."""
        return not (self.violations or self.app_errors or self.failures)

    def messages_of(self, kind: str) -> list[RecordedMessage]:
        """The messages of one ``type`` (or audio-stream ``event``)."""
        return [m for m in self.messages if m.kind == kind]

    # --- output -----------------------------------------------------------------------------

    def format_transcript(self) -> str:
        """The transcript as readable lines: step, who, what."""
        return "\n".join(str(line) for line in self.transcript)

    def summary(self) -> str:
        """One line: verdict and counts."""
        answered = sum(1 for c in self.tool_calls if c.answered)
        parts = [
            _count(self.steps_run, "step"),
            _count(len(self.messages), "message") + " from the app",
            f"{len(self.spoken_text)} spoken",
        ]
        if self.tool_calls:
            parts.append(f"{answered}/{_count(len(self.tool_calls), 'tool call')} answered")
        if self.transfers:
            parts.append(_count(len(self.transfers), "transfer"))
        if self.hung_up:
            parts.append("agent hung up")
        if self.steps_skipped:
            parts.append(_count(self.steps_skipped, "step") + " skipped after the call ended")
        counts = ", ".join(parts)
        if self.ok:
            return f"OK: {counts}"
        problems = [
            _count(count, noun)
            for count, noun in (
                (len(self.violations), "protocol violation"),
                (len(self.app_errors), "app error"),
                (len(self.failures), "failure"),
            )
            if count
        ]
        return f"FAILED ({', '.join(problems)}): {counts}"

    def _fail(self, message: str) -> AssertionError:
        return AssertionError(f"{message}\n\nTranscript:\n{self.format_transcript()}")

    # --- assertions -------------------------------------------------------------------------

    def expect_tool_result(self, name: str) -> Any:
        """The result of the latest answered call of tool ``name``; AssertionError otherwise."""
        calls = [c for c in self.tool_calls if c.name == name]
        if not calls:
            called = ", ".join(sorted({c.name for c in self.tool_calls})) or "none"
            raise self._fail(f"tool {name!r} was never called (tools called: {called})")
        results = [c for c in calls if c.outcome == "result"]
        if results:
            return results[-1].value
        last = calls[-1]
        if last.outcome == "error":
            raise self._fail(f"tool {name!r} was answered with tool.error: {last.value!r}")
        raise self._fail(f"tool {name!r} (id {last.id}) was never answered")

    def expect_tool_error(self, name: str) -> Any:
        """The error of the latest call of tool ``name`` answered with ``tool.error``."""
        calls = [c for c in self.tool_calls if c.name == name and c.outcome == "error"]
        if not calls:
            raise self._fail(f"tool {name!r} was never answered with tool.error")
        return calls[-1].value

    def expect_spoken(self, substring: str, *, ignore_case: bool = False) -> str:
        """The first ``agent_session.speak`` text containing ``substring``; else AssertionError."""
        needle = substring.lower() if ignore_case else substring
        for text in self.spoken_text:
            if needle in (text.lower() if ignore_case else text):
                return text
        said = "\n".join(f"  - {t!r}" for t in self.spoken_text) or "  (nothing)"
        raise self._fail(
            f"the agent never said anything containing {substring!r}; it said:\n{said}"
        )

    def expect_hangup(self) -> None:
        """AssertionError unless the app sent ``agent_session.hangup``."""
        if not self.hung_up:
            raise self._fail("the agent did not hang up (no agent_session.hangup)")

    def expect_transfer(self, destination: str | None = None) -> dict[str, Any]:
        """The first transfer (to ``destination`` when given); else AssertionError."""
        for transfer in self.transfers:
            targets = transfer.get("destination")
            if destination is None or (isinstance(targets, list) and destination in targets):
                return transfer
        if not self.transfers:
            raise self._fail("the agent did not transfer the call")
        seen = ", ".join(_compact(t.get("destination")) for t in self.transfers)
        raise self._fail(f"no transfer to {destination!r}; transfers: {seen}")

    def expect_ok(self) -> None:
        """AssertionError listing the problems unless :attr:`ok`."""
        if not self.ok:
            raise self._fail(
                "the call had problems:\n" + "\n".join(f"  - {p}" for p in self.problems)
            )
