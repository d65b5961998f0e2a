import { describe, expect, it } from "vitest";
import { collectTableSchemas, mayDefineTables, type TableSchemas } from "../../src/decode/collect-table-schemas.js";

function collect(path: string, text: string): Record<string, string[]> {
  const into: TableSchemas = new Map();
  collectTableSchemas(path, text, into);
  return Object.fromEntries(into);
}

describe("collectTableSchemas", () => {
  it("reads plain DDL", () => {
    expect(collect("db/schema.sql", "CREATE TABLE `customers` (\n  `id` int NOT NULL,\n  `name` varchar(50),\n  `birthday` date,\n  PRIMARY KEY (`id`)\n);\n")).toEqual({ customers: ["id", "name", "birthday"] });
  });

  it("reads a Rails schema and migrations (id first, timestamps where they stand)", () => {
    const schema = 'ActiveRecord::Schema[7.0].define(version: 1) do\n  create_table "patients", force: :cascade do |t|\n    t.string "name", null: false\n    t.string "name_kana"\n    t.date "birthday"\n    t.references :doctor\n    t.timestamps\n    t.index ["name"]\n  end\nend\n';
    expect(collect("db/schema.rb", schema)).toEqual({ patients: ["id", "name", "name_kana", "birthday", "doctor_id", "created_at", "updated_at"] });
    expect(collect("db/migrate/20240101_create_users.rb", "class CreateUsers < ActiveRecord::Migration[7.0]\n  def change\n    create_table :users do |t|\n      t.string :email\n    end\n  end\nend\n")).toEqual({ users: ["id", "email"] });
  });

  it("reads Laravel migrations", () => {
    const php = "<?php\nSchema::create('members', function (Blueprint $table) {\n    $table->id();\n    $table->string('name');\n    $table->string('tel')->nullable();\n    $table->timestamps();\n});\n";
    expect(collect("database/migrations/2024_create_members.php", php)).toEqual({ members: ["id", "name", "tel", "created_at", "updated_at"] });
  });

  it("reads Django and Prisma models", () => {
    const py = "from django.db import models\n\nclass Person(models.Model):\n    name = models.CharField(max_length=50)\n    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE)\n\n    def __str__(self):\n        return self.name\n";
    expect(collect("clinic/models.py", py)).toEqual({ clinic_person: ["id", "name", "clinic_id"], person: ["id", "name", "clinic_id"] });
    const prisma = "model User {\n  id    Int    @id\n  name  String\n  posts Post[]\n  kana  String? @map(\"name_kana\")\n  @@map(\"users\")\n}\n";
    expect(collect("prisma/schema.prisma", prisma)).toEqual({ users: ["id", "name", "name_kana"] });
  });

  it("knows which paths may define tables", () => {
    expect(["db/schema.rb", "db/migrate/1_x.rb", "database/migrations/x.php", "app/models.py", "dump.sql", "prisma/schema.prisma"].every(mayDefineTables)).toBe(true);
    expect(["app/models/user.rb", "src/index.ts", "README.md"].some(mayDefineTables)).toBe(false);
  });
});
