#include "export/export_html.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "export/export_dot.h"
#include "export/xml_text.h"
#include "graph/deal_fields.h"
#include "graph/labels.h"

namespace dealgraph {

namespace {

// The page's style and script: fixed text, no data in them.
const char kStyle[] = R"CSS(
body{font-family:"NanumGothic","Noto Sans KR",system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em;margin:0}h2{font-size:1.15em;margin-top:1.6em}
.sub{color:#555;margin:.2em 0 1em}
#diagram{border:1px solid #ddd;overflow:auto;max-height:75vh}
#diagram svg{max-width:100%;height:auto}
#diagram g.node,#diagram g.edge{cursor:pointer}
#diagram g.selected polygon,#diagram g.selected path,#diagram g.selected ellipse{stroke:#d50000;stroke-width:3}
#bar{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #eee}
#bar input{width:20em;padding:.2em}
#active{margin-left:1em;color:#d50000}
table{border-collapse:collapse;font-size:.9em;margin-top:.4em}
th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f5f5f5;cursor:pointer;user-select:none}
th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.failed td{color:#888;text-decoration:line-through}
.rule{color:#777;font-size:.85em;font-family:monospace}
.ev{max-width:36em}
#errors{color:#b00020}
)CSS";

const char kScript[] = R"JS(
(function(){
'use strict';
var errors=document.getElementById('errors');
window.addEventListener('error',function(e){errors.textContent+=String(e.message)+'\n';});
var rows=Array.prototype.slice.call(document.querySelectorAll('table.data tbody tr'));
var box=document.getElementById('q'),active=document.getElementById('active');
var state={entity:'',deal:'',text:''};
function has(list,x){return (' '+list+' ').indexOf(' '+x+' ')>=0;}
function apply(){
  var shown=0,t=state.text.toLowerCase();
  rows.forEach(function(r){
    var ok=(!state.entity||has(r.dataset.entities||'',state.entity))&&
           (!state.deal||has(r.dataset.deals||'',state.deal))&&
           (!t||r.textContent.toLowerCase().indexOf(t)>=0);
    r.hidden=!ok;
    if(ok&&r.parentNode.parentNode.id==='deals')shown++;
  });
  document.querySelectorAll('#diagram g.selected').forEach(function(g){g.classList.remove('selected');});
  var sel=state.entity?document.getElementById('entity-'+state.entity):null;
  if(sel)sel.classList.add('selected');
  active.textContent=state.entity?'company: '+(names[state.entity]||state.entity):state.deal?'deal: '+state.deal:'';
  document.body.dataset.shown=String(shown);
}
var names=JSON.parse(document.getElementById('names').textContent);
function pick(entity,deal){state.entity=entity;state.deal=deal;apply();}
document.querySelectorAll('#diagram g.node,#diagram g.edge').forEach(function(g){
  g.addEventListener('click',function(ev){
    if(ev.ctrlKey||ev.metaKey||ev.shiftKey)return;  // let the link open the article
    ev.preventDefault();
    var id=g.id||'';
    if(id.indexOf('entity-')===0)pick(id.slice(7),'');
    else if(id.indexOf('deal-')===0)pick('',id.slice(5).replace(/~\d+$/,''));
  });
});
box.addEventListener('input',function(){state.text=box.value;apply();});
document.getElementById('clear').addEventListener('click',function(){box.value='';state.text='';pick('','');});
document.querySelectorAll('table.data th').forEach(function(th,col){
  th.addEventListener('click',function(){
    var table=th.closest('table'),body=table.tBodies[0],asc=!th.classList.contains('asc');
    table.querySelectorAll('th').forEach(function(h){h.classList.remove('asc','desc');});
    th.classList.add(asc?'asc':'desc');
    var num=th.dataset.type==='number',i=th.cellIndex;
    var list=Array.prototype.slice.call(body.rows);
    list.sort(function(a,b){
      var x=a.cells[i].dataset.sort!==undefined?a.cells[i].dataset.sort:a.cells[i].textContent;
      var y=b.cells[i].dataset.sort!==undefined?b.cells[i].dataset.sort:b.cells[i].textContent;
      var c;
      if(num){x=x===''?-Infinity:parseFloat(x);y=y===''?-Infinity:parseFloat(y);c=x<y?-1:x>y?1:0;}
      else c=x<y?-1:x>y?1:0;
      return asc?c:-c;
    });
    list.forEach(function(r){body.appendChild(r);});
  });
});
function fromHash(){
  var h=decodeURIComponent(location.hash.slice(1)),eq=h.indexOf('=');
  var k=eq<0?h:h.slice(0,eq),v=eq<0?'':h.slice(eq+1);
  if(k==='filter')pick(v,'');
  else if(k==='deal')pick('',v);
  else if(k==='click'){var g=document.getElementById('entity-'+v);
    if(g)g.dispatchEvent(new MouseEvent('click',{bubbles:true,cancelable:true}));
    else errors.textContent+='no diagram node for '+v+'\n';}
  else apply();
}
window.addEventListener('hashchange',fromHash);
fromHash();
})();
)JS";

std::string esc(std::string_view s) { return xml_escape(s); }

// A JSON text safe inside <script>: "<" never appears raw, so "</script>"
// cannot end the element early.
std::string script_json(const nlohmann::json& j) {
  std::string raw = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), out;
  for (char c : raw) out += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

std::string number_cell(const std::optional<double>& v, const std::string& shown) {
  return "<td class=\"num\" data-sort=\"" + (v ? labels::plain_number(*v) : std::string()) + "\">" + esc(shown) +
         "</td>";
}

std::string usd_text(const std::optional<double>& usd) {
  if (!usd) return "";
  return labels::short_money(Money{Amount{*usd, std::nullopt, std::nullopt, Qualifier::Exact}, "USD", ""});
}

class Page {
 public:
  Page(const DealGraph& g, const View& v, const ReportOptions& o) : g_(g), c_(g.corpus()), v_(v), opt_(o) {
    for (const auto& a : c_.articles) articles_[a.id] = &a;
  }

  Result<std::string> render() {
    DiagramOptions d;
    d.inputs = opt_.inputs;
    d.focus = opt_.focus;
    auto svg = render_diagram(g_, v_, "svg", d);
    if (!svg) return svg.error();
    const size_t at = svg->find("<svg");
    const std::string inline_svg = at == std::string::npos ? *svg : svg->substr(at);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "script-src 'unsafe-inline'; img-src data:\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + esc(title()) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    out += "<h1>" + esc(title()) + "</h1>\n<p class=\"sub\">" + esc(subtitle()) + "</p>\n";
    out += "<div id=\"diagram\">\n" + inline_svg + "</div>\n";
    out += "<div id=\"bar\"><label>Filter <input id=\"q\" type=\"search\" placeholder=\"name, type, status…\"></label>"
           " <button id=\"clear\" type=\"button\">show all</button><span id=\"active\"></span>"
           " <small>Click a company or a deal in the diagram to filter; Ctrl-click opens its article.</small></div>\n";
    out += deals_table() + investments_table() + top_table();
    out += "<pre id=\"errors\"></pre>\n";
    out += "<script type=\"application/json\" id=\"names\">" + script_json(names()) + "</script>\n";
    out += std::string("<script>") + kScript + "</script>\n</body>\n</html>\n";
    return out;
  }

 private:
  std::string name_of(const std::string& id) const {
    auto it = c_.entities.find(id);
    return it == c_.entities.end() ? id : it->second.name;
  }

  std::string title() const {
    std::string files;
    for (size_t i = 0; i < opt_.inputs.size() && i < 3; ++i) files += (i ? ", " : "") + opt_.inputs[i];
    if (opt_.inputs.size() > 3) files += " and " + std::to_string(opt_.inputs.size() - 3) + " more";
    return files.empty() ? "Deals" : "Deals in " + files;
  }

  std::string subtitle() const {
    std::string first, last;
    for (const auto& grp : v_.groups) {
      const DateFields w = group_date_fields(grp);
      if (!w.start.empty() && (first.empty() || w.start < first)) first = w.start;
      const std::string& end = w.end.empty() ? w.start : w.end;
      if (!end.empty() && end > last) last = end;
    }
    std::string s = std::to_string(v_.groups.size()) + (v_.groups.size() == 1 ? " deal" : " deals");
    std::set<std::string> parties;
    for (const auto& grp : v_.groups)
      for (const auto& p : grp.parties) parties.insert(p.entity);
    s += " between " + std::to_string(parties.size()) + " parties";
    if (!first.empty()) s += ", " + (first == last ? first : first + " – " + last);
    return s;
  }

  nlohmann::json names() const {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& id : v_.entities) j[id] = name_of(id);
    return j;
  }

  std::string deals_table() const {
    std::string out =
        "<h2>Deals</h2>\n<table class=\"data\" id=\"deals\"><thead><tr><th>Type</th><th>Date</th><th>Status</th>"
        "<th>Amount</th><th data-type=\"number\">USD</th><th>Parties</th><th>Evidence and rule</th><th>Article</th>"
        "</tr></thead>\n<tbody>\n";
    for (const auto& grp : v_.groups) {
      std::vector<std::string> ids, parties;
      for (const auto& p : grp.parties) {
        ids.push_back(p.entity);
        parties.push_back(esc(p.role) + ": <b>" + esc(name_of(p.entity)) + "</b>");
      }
      for (const auto& p : grp.products) ids.push_back(p);
      std::vector<std::string> deal_ids;
      for (const Deal* d : grp.members) deal_ids.push_back(d->id);
      const DateFields when = group_date_fields(grp);
      const AmountFields a = amount_fields(grp.amount, grp.when);
      const Deal& lead = *grp.lead;
      auto art = articles_.find(lead.article);
      std::string link;
      if (art != articles_.end()) {
        const Article& ar = *art->second;
        const std::string text = ar.headline.empty() ? ar.id : ar.headline;
        link = ar.url ? "<a href=\"" + esc(*ar.url) + "\" target=\"_blank\" rel=\"noopener\">" + esc(text) + "</a>"
                      : esc(text);
      }
      out += "<tr data-entities=\"" + esc(join(ids, " ")) + "\" data-deals=\"" + esc(join(deal_ids, " ")) + "\"" +
             (grp.status == "failed" ? " class=\"failed\"" : "") + ">";
      out += "<td>" + esc(to_string(lead.type)) + "</td>";
      out += "<td data-sort=\"" + esc(when.start) + "\">" + esc(when.date) + "</td>";
      out += "<td>" + esc(grp.status) + "</td>";
      out += "<td data-sort=\"" + esc(a.currency) + "\">" + esc(a.label) + "</td>";
      out += number_cell(a.usd, usd_text(a.usd));
      out += "<td>" + join(parties, "<br>") + "</td>";
      out += "<td class=\"ev\">" + esc(lead.evidence.text) + "<div class=\"rule\">" + esc(lead.rule) + " · " +
             esc(join(deal_ids, ", ")) + "</div></td>";
      out += "<td>" + link + "</td></tr>\n";
    }
    return out + "</tbody></table>\n";
  }

  // Who invested in whom: the ownership types of the schema, from-role party
  // to to-role party, one row per pair (as `query investments`).
  std::string investments_table() const {
    struct Row {
      std::vector<std::string> deals;
      double usd = 0;
      bool has_usd = false;
    };
    std::map<std::pair<std::string, std::string>, Row> pairs;
    const Schema& schema = g_.schema();
    for (const auto& grp : v_.groups) {
      if (!schema.is_ownership(grp.lead->type)) continue;
      const std::string &from = schema.from_role(grp.lead->type), &to = schema.to_role(grp.lead->type);
      const AmountFields a = amount_fields(grp.amount, grp.when);
      for (const auto& x : grp.parties)
        for (const auto& y : grp.parties)
          if (x.role == from && y.role == to && x.entity != y.entity) {
            Row& r = pairs[{x.entity, y.entity}];
            r.deals.push_back(grp.lead->id);
            if (a.usd) {
              r.usd += *a.usd;
              r.has_usd = true;
            }
          }
    }
    std::string out =
        "<h2>Who invested in whom</h2>\n<table class=\"data\" id=\"investments\"><thead><tr><th>Investor</th>"
        "<th>Investee</th><th data-type=\"number\">Deals</th><th data-type=\"number\">USD</th></tr></thead>\n"
        "<tbody>\n";
    for (const auto& [key, r] : pairs) {
      std::optional<double> usd = r.has_usd ? std::optional<double>(r.usd) : std::nullopt;
      out += "<tr data-entities=\"" + esc(key.first + " " + key.second) + "\" data-deals=\"" +
             esc(join(r.deals, " ")) + "\"><td>" + esc(name_of(key.first)) + "</td><td>" + esc(name_of(key.second)) +
             "</td>" + number_cell(static_cast<double>(r.deals.size()), std::to_string(r.deals.size())) +
             number_cell(usd, usd_text(usd)) + "</tr>\n";
    }
    return out + "</tbody></table>\n";
  }

  // Every party, by deals then USD (as `query top`), at most 20.
  std::string top_table() const {
    struct Score {
      size_t deals = 0;
      double usd = 0;
      std::vector<std::string> ids;
    };
    std::map<std::string, Score> score;
    for (const auto& grp : v_.groups) {
      const AmountFields a = amount_fields(grp.amount, grp.when);
      std::set<std::string> seen;
      for (const auto& p : grp.parties) {
        if (!seen.insert(p.entity).second || !c_.entities.count(p.entity)) continue;
        Score& s = score[p.entity];
        ++s.deals;
        s.usd += a.usd.value_or(0);
        s.ids.push_back(grp.lead->id);
      }
    }
    std::vector<std::pair<std::string, Score>> rows(score.begin(), score.end());
    std::sort(rows.begin(), rows.end(), [&](const auto& x, const auto& y) {
      return std::make_tuple(-static_cast<double>(x.second.deals), -x.second.usd, name_of(x.first), x.first) <
             std::make_tuple(-static_cast<double>(y.second.deals), -y.second.usd, name_of(y.first), y.first);
    });
    if (rows.size() > 20) rows.resize(20);
    std::string out =
        "<h2>Top companies</h2>\n<table class=\"data\" id=\"top\"><thead><tr><th data-type=\"number\">Rank</th>"
        "<th>Name</th><th>Type</th><th data-type=\"number\">Deals</th><th data-type=\"number\">USD</th></tr>"
        "</thead>\n<tbody>\n";
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& [id, s] = rows[i];
      std::optional<double> usd = s.usd > 0 ? std::optional<double>(s.usd) : std::nullopt;
      out += "<tr data-entities=\"" + esc(id) + "\" data-deals=\"" + esc(join(s.ids, " ")) + "\">" +
             number_cell(static_cast<double>(i + 1), std::to_string(i + 1)) + "<td>" + esc(name_of(id)) + "</td><td>" +
             esc(to_string(c_.entities.at(id).type)) + "</td>" +
             number_cell(static_cast<double>(s.deals), std::to_string(s.deals)) + number_cell(usd, usd_text(usd)) +
             "</tr>\n";
    }
    return out + "</tbody></table>\n";
  }

  const DealGraph& g_;
  const Corpus& c_;
  const View& v_;
  const ReportOptions& opt_;
  std::map<std::string, const Article*> articles_;
};

}  // namespace

Result<std::string> to_html_report(const DealGraph& g, const View& v, const ReportOptions& opt) {
  return Page(g, v, opt).render();
}

}  // namespace dealgraph
