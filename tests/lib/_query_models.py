"""The query models of openai-python's tests/lib/schema_types/query.py: enums, a union with a
model, optional fields and lists of models, all in one tool schema."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel

__all__ = ["Column", "Condition", "DynamicValue", "Operator", "OrderBy", "Query", "Table"]


class Table(str, Enum):
    orders = "orders"
    customers = "customers"
    products = "products"


class Column(str, Enum):
    id = "id"
    status = "status"
    expected_delivery_date = "expected_delivery_date"
    delivered_at = "delivered_at"
    shipped_at = "shipped_at"
    ordered_at = "ordered_at"
    canceled_at = "canceled_at"


class Operator(str, Enum):
    eq = "="
    gt = ">"
    lt = "<"
    le = "<="
    ge = ">="
    ne = "!="


class OrderBy(str, Enum):
    asc = "asc"
    desc = "desc"


class DynamicValue(BaseModel):
    column_name: str


class Condition(BaseModel):
    column: str
    operator: Operator
    value: str | int | DynamicValue


class Query(BaseModel):
    name: str | None = None
    table_name: Table
    columns: list[Column]
    conditions: list[Condition]
    order_by: OrderBy
