"""The ``video_streaming`` kind: on-demand video watched by an audience (a museum's video
series, a recorded concert, a documentary on a heritage site).

The audience's viewing time is given either directly (``hours_viewed``) or as
``views`` × ``average_view_duration``. The data delivered follow the quality mix
(GB per hour at each quality); the impacts are those of the screens (manufacture
allocated by viewing time, electricity), of the networks (per-GB or power model) and of
the servers and CDN (see :mod:`footprint.archetypes._viewing`).

With the defaults (HD, ADEME's average screen mix, fixed line in France, per-GB
networks) one hour comes to ADEME's own 67.8 gCO2e (``publicodes-acv-numerique`` 2.1.0,
rule ``streaming``), data-centre construction (``dc.video.construction``, ≈0.24 g per
hour) included.

References
----------
ADEME, ``publicodes-acv-numerique`` 2.1.0, rule ``streaming``; Carbon Trust, *Carbon
impact of video streaming*, June 2021.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..inventory import QUANTITY_COLUMNS, concat, quantities
from ..schema.base import MAX_AUDIENCE_HOURS, MAX_PLAYS, QuantityField
from ._common import TOTAL, reporting_basis
from ._viewing import (VIDEO_DEVICES, VideoViewing, mix_matrix, video_gb, viewing_inventory,
                       watched)

KIND = "video_streaming"


class Service(VideoViewing):
    """On-demand video: hours viewed, picture quality, screens and networks."""

    kind: Literal["video_streaming"] = "video_streaming"
    hours_viewed: QuantityField("hour", ge=0, le=MAX_AUDIENCE_HOURS,
                                description="Viewing time of the audience "
                                "(entered; or give views and average_view_duration). "
                                + TOTAL) | None = None
    views: float | None = Field(None, ge=0, le=MAX_PLAYS,
                                description="Number of views (plays), with "
                                "average_view_duration (entered). " + TOTAL)
    average_view_duration: QuantityField("minute", gt=0, le="24 hour",
                                         description="Average time watched "
                                         "per view (entered), e.g. '7 min'.") | None = None

    @field_validator("views")
    @classmethod
    def _not_both(cls, views, info: ValidationInfo):
        if views is not None and info.data.get("hours_viewed") is not None:
            raise ValueError(f"give either hours_viewed ({info.data['hours_viewed']:g} h) or "
                             f"views ({views:g}) × average_view_duration, not both")
        return views

    @model_validator(mode="after")
    def _viewing_time(self):
        if self.hours_viewed is None and self.views is None:
            raise ValueError("the viewing time is missing: give hours_viewed (e.g. '1200 h') "
                             "or views with average_view_duration")
        if self.views is not None and self.average_view_duration is None:
            raise ValueError(f"views ({self.views:g}) needs average_view_duration (e.g. "
                             f"'6 min') to give the viewing time")
        if self.hours_viewed is not None and self.average_view_duration is not None:
            raise ValueError("average_view_duration is used only with views; with "
                             "hours_viewed leave it out")
        return self

    def viewing_hours(self) -> float:
        """Total viewing time [h]."""
        if self.hours_viewed is not None:
            return self.hours_viewed
        return self.views * self.average_view_duration / 60.0


def inventory(services, paths, ctx):
    """Rows of all ``video_streaming`` services: screens, networks, servers and CDN."""
    names = np.array([s.name for s in services], dtype=object)
    entered_h = np.array([s.viewing_hours() for s in services], dtype=float)
    hours = watched(services, entered_h)
    data_gb = video_gb(services, hours)
    shares = mix_matrix([s.device_mix for s in services], VIDEO_DEVICES)
    frames, qframes = viewing_inventory(ctx, services, hours=hours, data_gb=data_gb,
                                        devices=VIDEO_DEVICES, device_shares=shares)
    entered = np.array(["entered" if s.hours_viewed is not None else
                        "entered: views × average_view_duration" for s in services],
                       dtype=object)
    qframes = [reporting_basis(ctx, names, per_year=False),
               quantities(names, "hours viewed", hours, "hour", entered),
               *([quantities(names, "hours viewed with autoplay on", entered_h, "hour",
                             entered)] if (hours != entered_h).any() else []),
               quantities(names, "data delivered", data_gb, "GB",
                          "hours × quality_mix · gb_per_hour"),
               quantities(names, "GB per hour (quality mix)",
                          np.divide(data_gb, hours, out=np.zeros_like(hours), where=hours > 0),
                          "GB/hour", "gb_per_hour (ADEME / Carbon Trust rates) · quality_mix"),
               *qframes]
    return concat(frames), concat(qframes, QUANTITY_COLUMNS)
