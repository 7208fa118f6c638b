"""The code in a generated package's README: real calls of that package, which a test runs
against a mock server so that the README cannot rot."""

from __future__ import annotations

import ast

from generator.client.client_model import Operation, Package, Parameter
from generator.client.code import Code, fill, identifier, join, literal

# Example values a mock server accepts for identifiers (FOLIO ids are UUIDs).
_UUID = "5f8a2f4e-1b2c-4d3e-8f90-a1b2c3d4e5f6"


def _value(parameter: Parameter) -> Code:
    if parameter.annotation.startswith("Literal["):
        # the first value of the Literal, as the annotation's own literal made it
        constants = ast.walk(ast.parse(parameter.annotation, mode="eval"))
        return literal(next(n.value for n in constants if isinstance(n, ast.Constant)))
    if parameter.annotation == "int":
        return literal(10)
    return literal(_UUID if "id" in parameter.python_name else "example")


def _setup(package: Package) -> Code:
    server = package.server_variables[0].default if package.server_variables else ""
    base = literal(server if server.startswith("http") else package.server_url)
    lines = [fill("from {} import Client, errors\n\nclient = Client(", identifier(package.name))]
    if package.auth.kind == "login":
        lines.append(fill("    base_url={},", base))
        if package.auth.tenant_header:
            lines.append(fill("    tenant={},", literal(package.auth.tenant_example)))
        lines.append(fill('    token="<access token>",  # or username=..., password=...'))
    elif package.auth.kind == "apikey":
        region = literal(package.server_url.replace("{region}", "eu"))
        lines.append(fill('    base_url={},  # or region="eu"', region))
        lines.append(fill('    api_key="<your API key>",'))
    else:
        lines.append(fill("    base_url={},", base))
        lines.append(
            fill(
                '    client_id="<client id>",\n    client_secret="<client secret>",\n'
                '    username="<user>",\n    password="<password>",\n    community="<community>",'
            )
        )
    lines.append(fill(")"))
    return join("\n", lines)


def _simple(operation: Operation) -> bool:
    required = [p for p in operation.other_parameters if p.required and not p.fixed]
    return operation.http_method == "GET" and not required and not operation.streamed


def _call(resource: str, operation: Operation, result: str) -> Code:
    arguments = join(", ", (_value(p) for p in operation.path_parameters if not p.fixed))
    return fill(
        result + " = client.{}.{}({})",
        identifier(resource),
        identifier(operation.method_name),
        arguments,
    )


def readme_examples(package: Package) -> dict[str, Code]:
    empty = fill("")
    examples = {"setup": _setup(package), "call": empty, "pagination": empty, "waiter": empty}
    examples["errors"] = empty
    simple = [(r, o) for r in package.resources for o in r.operations if _simple(o)]
    if simple:
        resource, operation = simple[0]
        examples["call"] = fill("{}\nprint(answer)", _call(resource.attribute, operation, "answer"))
        examples["errors"] = fill(
            "try:\n    {}\nexcept errors.NotFoundError as error:\n"
            "    print(error.status_code, error.body)\n"
            "except errors.APIError as error:  # every other failure\n"
            "    print(error)",
            _call(resource.attribute, operation, "answer"),
        )
    for resource in package.resources:
        for operation in resource.operations:
            if operation.pagination and not examples["pagination"]:
                arguments = [_value(p) for p in operation.path_parameters if not p.fixed]
                examples["pagination"] = fill(
                    "for item in client.{}.{}({}):\n    print(item)",
                    identifier(resource.attribute),
                    identifier(operation.pagination.method_name),
                    join(", ", [*arguments, fill("page_size=50")]),
                )
        for waiter in resource.waiters:
            if not examples["waiter"]:
                examples["waiter"] = fill(
                    "done = client.{}.{}(\n    {},\n    timeout=600,\n    poll_interval=2,\n"
                    "    on_progress=lambda progress: print(progress.percent),\n)",
                    identifier(resource.attribute),
                    identifier(waiter.method_name),
                    join(", ", (_value(p) for p in waiter.id_parameters)),
                )
    return examples
