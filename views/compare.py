"""Compare parties side by side: their statements in order, their stance over time, and where it changed."""

from __future__ import annotations

from typing import Literal

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from pipeline import schema
from views.figures import SIDE_COLORS, wrap_for_hover
from views.filters import date_interval, is_undated
from views.tables import iso_date, text_or_blank

PartyKind = Literal["speaker", "side"]
PARTY_KINDS: tuple[PartyKind, ...] = ("speaker", "side")
# Stance as a position on one scale: a conditional yes sits between neutral and support.
STANCE_ORDINAL: dict[str, float] = {"opposes": -1.0, "neutral": 0.0, "conditional": 0.5, "supports": 1.0}
# Okabe-Ito colours for speakers (sides keep their own fixed colours).
PARTY_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
MAX_PARTIES = 4
OFFSET = 0.05  # parties on the same stance are drawn slightly apart so their lines stay visible
CHANGE_COLUMNS = ("date", "party", "topic", "change", "sentence", "outlet", "statement_id")


def party_values(df: pd.DataFrame, by: PartyKind) -> pd.Series:
    """Name each statement's party: its canonical speaker, or its side."""
    if by == "speaker":
        return df["speaker"].astype("object")
    if by == "side":
        return df["side"].astype("object")
    raise ValueError(f"by must be one of {PARTY_KINDS}, got {by!r}")


def party_options(df: pd.DataFrame, by: PartyKind) -> list[str]:
    """List the parties one can compare: sides in contract order, speakers busiest first."""
    values = party_values(df, by).dropna().astype(str)
    if by == "side":
        return [side for side in schema.SIDES if side in set(values)]
    counts = values.value_counts()
    return sorted(counts.index, key=lambda name: (-counts[name], name))


def compare_frame(df: pd.DataFrame, by: PartyKind, parties: list[str], topics: list[str]) -> pd.DataFrame:
    """The chosen parties' statements on the chosen topics, with party, best date and stance value, in date order."""
    party = party_values(df, by)
    mask = party.isin(parties) & (df["topic_id"].isin(topics) if topics else True)
    out = df[mask].copy()
    lo, _ = date_interval(out)
    out["party"] = party[mask].astype(str)
    out["when"] = out["said_on"].fillna(lo)
    out["stance_value"] = out["stance"].map(STANCE_ORDINAL)
    out = out.sort_values(["when", "statement_id"], kind="stable", na_position="last")
    return out.reset_index(drop=True)


def stance_changes(frame: pd.DataFrame) -> pd.DataFrame:
    """Each point where a party's stance on a topic differs from its previous dated statement on it."""
    rows = []
    known = frame[frame["when"].notna() & frame["stance_value"].notna()]
    for (_, _), group in known.groupby(["party", "topic_id"], sort=False):
        previous = None
        for row in group.sort_values(["when", "statement_id"], kind="stable").itertuples():
            if previous is not None and row.stance != previous:
                rows.append(
                    {
                        "date": iso_date(row.when),
                        "party": row.party,
                        "topic": row.topic_label,
                        "change": f"{previous} → {row.stance}",
                        "sentence": row.text,
                        "outlet": row.outlet,
                        "statement_id": row.statement_id,
                        "when": row.when,
                        "stance_value": row.stance_value,
                        "topic_id": row.topic_id,
                    }
                )
            previous = row.stance
    if not rows:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in (*CHANGE_COLUMNS, "when", "stance_value", "topic_id")})
    return pd.DataFrame(rows).sort_values(["when", "party"], kind="stable").reset_index(drop=True)


def changes_table(changes: pd.DataFrame) -> pd.DataFrame:
    """The change list for people: date, party, topic, from → to, the sentence, the outlet."""
    return pd.DataFrame({name: text_or_blank(changes[name]) for name in CHANGE_COLUMNS})


def party_colors(parties: list[str], by: PartyKind) -> dict[str, str]:
    """Fix each party's colour: a side's own colour, or the palette in selection order."""
    if by == "side":
        return {p: SIDE_COLORS.get(p, SIDE_COLORS["unknown"]) for p in parties}
    return {p: PARTY_COLORS[i % len(PARTY_COLORS)] for i, p in enumerate(parties)}


def stance_figure(frame: pd.DataFrame, changes: pd.DataFrame, parties: list[str], by: PartyKind) -> go.Figure:
    """One step line per party (a panel per topic), with each stance change ringed and explained on hover."""
    dated = frame[frame["when"].notna() & frame["stance_value"].notna()]
    topics = list(dict.fromkeys(dated["topic_id"]))
    labels = dict(zip(dated["topic_id"], dated["topic_label"], strict=False))
    fig = make_subplots(
        rows=max(len(topics), 1), cols=1, shared_xaxes=True, vertical_spacing=0.08, subplot_titles=[labels[t] for t in topics]
    )
    colors = party_colors(parties, by)
    for row_no, topic in enumerate(topics, start=1):
        for i, party in enumerate(parties):
            part = dated[(dated["topic_id"] == topic) & (dated["party"] == party)]
            if part.empty:
                continue
            offset = (i - (len(parties) - 1) / 2) * OFFSET
            hover = [
                f"<b>{wrap_for_hover(party)}</b> · {s}<br>{wrap_for_hover(t)}"
                for s, t in zip(part["stance"], part["text"], strict=True)
            ]
            fig.add_trace(
                go.Scatter(
                    x=part["when"],
                    y=part["stance_value"] + offset,
                    mode="lines+markers",
                    line={"shape": "hv", "color": colors[party], "width": 2.5},
                    marker={"size": 8, "color": colors[party]},
                    name=party,
                    legendgroup=party,
                    showlegend=row_no == 1,
                    customdata=part["statement_id"],
                    hovertext=hover,
                    hovertemplate="%{hovertext}<extra></extra>",
                ),
                row=row_no,
                col=1,
            )
            add_change_marks(fig, changes, party, topic, colors[party], offset, row_no)
    fig.update_yaxes(tickvals=list(STANCE_ORDINAL.values()), ticktext=list(STANCE_ORDINAL), range=[-1.35, 1.35], zeroline=False)
    fig.update_xaxes(type="date")
    fig.update_layout(
        height=120 + 230 * max(len(topics), 1),
        margin={"l": 10, "r": 10, "t": 90, "b": 30},
        legend={"orientation": "h", "yref": "container", "yanchor": "top", "y": 1, "x": 0},
        hoverlabel={"align": "left"},
        font={"size": 14},
    )
    return fig


def add_change_marks(
    fig: go.Figure, changes: pd.DataFrame, party: str, topic: str, color: str, offset: float, row_no: int
) -> None:
    """Ring the statements where this party's stance on this topic changed."""
    mine = changes[(changes["party"] == party) & (changes["topic_id"] == topic)]
    if mine.empty:
        return
    fig.add_trace(
        go.Scatter(
            x=mine["when"],
            y=mine["stance_value"].astype(float) + offset,
            mode="markers",
            marker={"size": 18, "symbol": "circle-open", "color": color, "line": {"width": 2.5}},
            name=f"{party}: stance changed",
            legendgroup=party,
            showlegend=False,
            hovertext=[f"<b>{wrap_for_hover(party)}</b>: {c}" for c in mine["change"]],
            hovertemplate="%{hovertext}<extra>changed</extra>",
            meta={"role": "change"},
        ),
        row=row_no,
        col=1,
    )


def party_statements(frame: pd.DataFrame, party: str) -> pd.DataFrame:
    """One party's column: date, topic, stance, sentence and outlet, dated first in order, then undated."""
    mine = frame[frame["party"] == party]
    return pd.DataFrame(
        {
            "date": [iso_date(v) or "undated" for v in mine["when"]],
            "topic": text_or_blank(mine["topic_label"]),
            "stance": text_or_blank(mine["stance"]),
            "sentence": text_or_blank(mine["text"]),
            "outlet": text_or_blank(mine["outlet"]) if "outlet" in mine.columns else "",
            "undated": is_undated(mine).to_numpy(),
        }
    ).reset_index(drop=True)


def stance_summary(frame: pd.DataFrame, changes: pd.DataFrame, parties: list[str]) -> pd.DataFrame:
    """Per party: how many statements take each stance, and how often the stance changed."""
    counts = pd.crosstab(frame["party"], frame["stance"]).reindex(index=parties, columns=list(STANCE_ORDINAL), fill_value=0)
    counts = counts.fillna(0).astype(int)
    changed = changes["party"].value_counts() if len(changes) else pd.Series(dtype="int64")
    counts["changes"] = [int(changed.get(p, 0)) for p in parties]
    return counts.rename_axis(None, axis=1).reset_index(names="party")
